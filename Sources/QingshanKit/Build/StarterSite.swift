public import Foundation

/// The starter site `qingshan new` writes: a configuration with the government footer
/// fields ready to fill in, a home page, a section with one news item, an example dataset
/// with its schema, and a page that shows it as a table and a chart. The theme is not
/// written: the binary carries it (`EmbeddedTheme`).
public enum StarterSite {
    /// Path inside the new site → text. `title` is the site's title.
    public static func files(title: String) -> [String: String] {
        [
            "content/site.yaml": siteYAML(title: title),
            "content/pages/index.md": home(title: title),
            "content/pages/updates/index.md": updatesIndex,
            "content/pages/updates/2024-01-15-site-opened.md": firstUpdate(title: title),
            "content/pages/progress.md": progressPage,
            "content/pages/about.md": about,
            "content/pages/search/index.md": search,
            "content/pages/404.md": notFound,
            "content/data/projects.csv": projectsCSV,
            "content/data/projects.schema.yaml": projectsSchema,
            ".gitignore": "public/\n.qingshan/\n",
        ]
    }

    /// Writes the starter site into `folder` (created if need be). The caller checks
    /// first that the folder is new or empty: nothing here overwrites with care.
    public static func write(title: String, to folder: URL) throws {
        for (path, text) in files(title: title).sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// `title` safe inside a double-quoted YAML scalar.
    private static func quoted(_ title: String) -> String {
        "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func siteYAML(title: String) -> String {
        """
        # 网站设置。改完保存后运行 qingshan serve 预览，或 qingshan build 生成。
        # 编辑指南：docs/编辑指南.md（随青山提供）。

        title: \(quoted(title))
        description: \(quoted(title + "：工作目标、进展与动态。"))
        language: zh-CN
        theme: default

        # 正式发布前填写网站的完整地址（以 / 结尾），用于生成 sitemap.xml 等；
        # 不填时网站照常可用，也可直接从 U 盘打开。
        # baseURL: https://www.example.gov.cn/zt/example/

        # 作为单位网站的一个栏目（专栏）发布时改为 true：页脚由主站提供。
        sectionMode: false

        # 顶部导航，按顺序排列。page 是 content/pages/ 下的文件。
        navigation:
          - title: 首页
            page: index.md
          - title: 项目进展
            page: progress.md
          - title: 工作动态
            page: updates/index.md
          - title: 关于
            page: about.md

        meta:
          siteName: \(quoted(title))

        # 页脚（政府网站要求的字段）。网站标识码、ICP备案号、公安备案号由主管部门核发，
        # 必须照登记信息填写，不能编造：取得后去掉行首的 # 并填写。
        footer:
          sponsor: 主办单位名称
          # organizer: 承办单位名称
          # address: 单位地址
          # phone: "0000-0000000"
          # siteIDCode: "5100000000"
          # icp: 蜀ICP备xxxxxxxx号
          # icpURL: https://beian.miit.gov.cn/
          # publicSecurity: 川公网安备xxxxxxxxxxxxxx号
          # publicSecurityURL: https://www.beian.gov.cn/
          # errorReportURL: （我为政府网站找错的链接，由主管部门提供）

        """
    }

    private static func home(title: String) -> String {
        """
        ---
        title: \(quoted(title))
        summary: 本专栏公开工作目标、重点项目进展和工作动态。
        ---

        这是用青山（qingshan new）新建的网站。请把这段文字换成本专栏的简介。

        ## 本专栏有什么

        - [项目进展](progress.md)：重点项目的表格和图表，数据来自 `content/data/projects.csv`，可以用 Excel 或 WPS 打开修改。
        - [工作动态](updates/index.md)：按时间排列的工作动态。
        - [关于](about.md)：主办单位与联系方式。

        """
    }

    private static let updatesIndex = """
        ---
        title: 工作动态
        layout: updates
        summary: 按时间由近及远排列的工作动态。
        weight: 70
        ---

        本栏目发布专栏的工作动态。新增一条动态，就是在本文件夹中新建一个 Markdown 文件。

        """

    private static func firstUpdate(title: String) -> String {
        """
        ---
        title: 专栏上线
        date: 2024-01-15
        summary: \(quoted(title + "专栏上线试运行。"))
        ---

        \(title)专栏上线试运行。请把本条换成真实的工作动态：复制本文件，改文件名、标题、日期和正文即可。

        """
    }

    private static let progressPage = """
        ---
        title: 项目进展
        summary: 重点项目的建设状态、投资和完成进度（样例数据）。
        weight: 20
        ---

        下表和图表由 `content/data/projects.csv` 生成。用 Excel 或 WPS 修改后另存为“CSV UTF-8”，再运行 `qingshan build` 即可更新。

        ```table
        source: projects
        title: 重点项目一览
        columns: [name, county, status, investment, progress]
        ```

        ```chart
        source: projects
        type: bar
        title: 各项目完成进度
        x: name
        y: progress
        ```

        """

    private static let about = """
        ---
        title: 关于
        summary: 主办单位与联系方式。
        weight: 90
        ---

        本专栏由主办单位维护。请在这里写明主办单位、联系电话（办公电话）和办公邮箱。

        """

    private static let search = """
        ---
        title: 站内搜索
        layout: search
        summary: 搜索本专栏的全部页面。
        weight: 95
        ---

        输入关键词，例如“项目”“动态”。

        """

    private static let notFound = """
        ---
        title: 页面未找到
        summary: 您访问的页面不存在或已调整位置。
        ---

        您访问的页面不存在，可能已调整位置或链接有误。

        - 返回[首页](index.md)
        - 查看[工作动态](updates/index.md)

        """

    private static let projectsCSV = """
        id,name,county,status,investment,progress
        P001,示例项目一,示例一县,已完工,1200,100
        P002,示例项目二,示例一县,在建,860.5,60
        P003,示例项目三,示例二县,在建,430,35
        P004,示例项目四,示例二县,未开工,300,0

        """

    private static let projectsSchema = """
        # 数据说明：projects.csv 每一列的名称、中文标题、类型和允许的取值。
        # 生成网站时逐格检查；填错的单元格会报出位置（如 D3）、列名和改法。
        title: 重点项目进展（样例数据）
        description: 样例数据，请换成本单位的正式数据后删除 sample 一行。
        sample: true
        # 样例数据不提供下载。换成正式数据、并在 site.yaml 的 openData 中选定许可协议后，删除这一行。
        publish: false
        fields:
          - {name: id, title: 项目编号, constraints: {required: true, unique: true}}
          - {name: name, title: 项目名称, constraints: {required: true}}
          - {name: county, title: 所在县区, constraints: {required: true}}
          - {name: status, title: 建设状态, constraints: {required: true, enum: [未开工, 在建, 已完工]}}
          - {name: investment, title: 投资, type: number, unit: 万元, decimals: 1, constraints: {required: true, minimum: 0}}
          - {name: progress, title: 完成进度, type: integer, unit: "%", constraints: {required: true, minimum: 0, maximum: 100}}
        primaryKey: id

        """
}
