// The messages of the output checker, the personal-data scanner and the footer
// validator. Ids are stable: tests and `--format json` consumers match on them.
// Personal data is only ever quoted masked (`152****8022`), never in full.

extension Diagnostic.Message {
    // MARK: Personal data

    /// A mainland mobile number in a file that would be published.
    static func personalMobile(_ masked: String) -> Self {
        .init(
            id: "personal-mobile", text: "mobile number \(masked) would be published; publish an office line instead",
            zh: "将会公开手机号码 \(masked)；请改为公开办公电话")
    }

    /// An 18-character ID number with a valid check digit.
    static func personalIDNumber(_ masked: String) -> Self {
        .init(
            id: "personal-id-number", text: "ID number \(masked) would be published",
            zh: "将会公开身份证号码 \(masked)；请删除")
    }

    /// A 16–19-digit number that passes the Luhn check.
    static func personalBankCard(_ masked: String) -> Self {
        .init(
            id: "personal-bank-card", text: "bank card number \(masked) would be published",
            zh: "将会公开银行卡号 \(masked)；请删除")
    }

    /// A mailbox on a public provider: a person's, not an office's.
    static func personalEmail(_ masked: String) -> Self {
        .init(
            id: "personal-email", text: "private e-mail address \(masked) would be published; publish the office mailbox instead",
            zh: "将会公开私人电子邮箱 \(masked)；请改为公开单位的办公邮箱")
    }

    /// An allow-list entry in `site.yaml` without a reason.
    static let personalDataAllowanceReason = Self(
        id: "personal-data-allow-reason",
        text: "an allowance for personal data needs a non-empty `reason`",
        zh: "允许公开个人信息的条目必须写明理由（`reason`）")

    /// An allow-list entry that names neither a file nor a column, or both.
    static let personalDataAllowanceTarget = Self(
        id: "personal-data-allow-target",
        text: "an allowance for personal data names exactly one `file` or one `column` (`dataset.column`)",
        zh: "允许公开个人信息的条目只能写一个文件（`file`）或一个列（`column`，写成“数据表.列名”）")

    /// `personalData` or its `allow` list has the wrong shape.
    static func personalDataPolicyShape(_ expected: String) -> Self {
        .init(
            id: "personal-data-policy-shape", text: "`personalData` must be \(expected)",
            zh: "`personalData` 的写法不对，应为 \(expected)")
    }

    /// An unknown key in an allow-list entry (a typo would silently allow nothing).
    static func personalDataAllowanceKey(_ key: String) -> Self {
        .init(
            id: "personal-data-allow-key", text: "unknown key `\(key)` in a personal-data allowance",
            zh: "允许公开个人信息的条目中有无法识别的键 `\(key)`；只能使用 file、column、reason")
    }

    // MARK: Government footer

    /// 网站标识码 in the wrong format.
    static func footerSiteIDCode(_ value: String) -> Self {
        .init(
            id: "footer-site-id-code",
            text: "site ID code (网站标识码) `\(value)` is not 10 digits starting with a region code, nor `bm` and 8 digits",
            zh: "网站标识码 `\(value)` 格式不对：应为以行政区划代码开头的 10 位数字，或 `bm` 加 8 位数字")
    }

    /// ICP备案号 in the wrong format.
    static func footerICPNumber(_ value: String) -> Self {
        .init(
            id: "footer-icp-number", text: "ICP number (ICP备案号) `\(value)` is not like `蜀ICP备12345678号` or `蜀ICP备12345678号-1`",
            zh: "ICP备案号 `\(value)` 格式不对：应形如 `蜀ICP备12345678号` 或 `蜀ICP备12345678号-1`")
    }

    /// 公安备案号 in the wrong format.
    static func footerPublicSecurityNumber(_ value: String) -> Self {
        .init(
            id: "footer-public-security-number",
            text: "public-security filing number (公安备案号) `\(value)` is not like `川公网安备 51170202000123号`",
            zh: "公安备案号 `\(value)` 格式不对：应形如 `川公网安备 51170202000123号`")
    }

    /// 公安备案号 whose province abbreviation and region code disagree.
    static func footerPublicSecurityRegion(_ abbreviation: String, _ code: String) -> Self {
        .init(
            id: "footer-public-security-region",
            text: "public-security filing number starts with `\(abbreviation)` but its region code is \(code)",
            zh: "公安备案号以“\(abbreviation)”开头，但其中的行政区划代码是 \(code)，两者不一致")
    }

    // MARK: Links and offline audit

    /// A relative link to a file that is not in the output.
    static func deadLink(_ target: String) -> Self {
        .init(
            id: "dead-link", text: "link to `\(target)`, which is not in the output",
            zh: "链接指向 `\(target)`，但生成的网站中没有这个文件")
    }

    /// A `#fragment` that names no `id` in its target page.
    static func deadAnchor(_ fragment: String, in page: String) -> Self {
        .init(
            id: "dead-anchor", text: "anchor `#\(fragment)` is not an id in `\(page)`",
            zh: "锚点 `#\(fragment)` 在 `\(page)` 中不存在；请检查标题文字是否改过")
    }

    /// A relative link that climbs above the output folder.
    static func linkLeavesSite(_ target: String) -> Self {
        .init(
            id: "link-leaves-site", text: "link to `\(target)` leads outside the site",
            zh: "链接 `\(target)` 指向网站之外")
    }

    /// `/assets/x.css` or `file:///…`: breaks under a sub-path and from `file://`.
    static func absoluteLocalPath(_ target: String) -> Self {
        .init(
            id: "offline-absolute-path", text: "absolute local path `\(target)` breaks under a sub-path and from file://",
            zh: "绝对路径 `\(target)` 在子目录部署或离线打开时会失效；请改用相对路径")
    }

    /// A script, style, font, image or frame loaded from another host.
    static func externalResource(_ target: String) -> Self {
        .init(
            id: "offline-external-resource", text: "resource `\(target)` is loaded from another host; the site must work offline",
            zh: "资源 `\(target)` 从其他网站加载；网站必须能离线使用，请把文件放进站点")
    }

    /// `<script type="module">`, which browsers refuse to load from `file://`.
    static let moduleScript = Self(
        id: "offline-module-script", text: "module scripts do not load from file://; use a classic script",
        zh: "模块脚本（type=\"module\"）在离线打开时不会加载；请改用普通脚本")

    /// `href="goals/"`: from `file://` the browser shows a folder listing, not the page.
    static func folderLink(_ target: String) -> Self {
        .init(
            id: "offline-folder-link", text: "link to folder `\(target)` must name its `index.html`",
            zh: "链接指向文件夹 `\(target)`，离线打开时会显示文件列表；请写到其中的 `index.html`")
    }

    /// Two elements with the same `id` on one page; anchors to it are ambiguous.
    static func duplicateID(_ id: String) -> Self {
        .init(
            id: "duplicate-id", text: "id `\(id)` is used more than once on this page",
            zh: "本页中 id `\(id)` 出现了不止一次；指向它的链接会含糊不清")
    }

    // MARK: Accessibility

    static let missingLang = Self(
        id: "a11y-lang", text: "`<html>` has no `lang` attribute (use `lang=\"zh-CN\"`)",
        zh: "`<html>` 没有 `lang` 属性（请写 `lang=\"zh-CN\"`），读屏软件无法判断语言")

    static func titleCount(_ count: Int) -> Self {
        .init(
            id: "a11y-title-count", text: "page has \(count) `<title>` elements; it needs exactly one",
            zh: "页面有 \(count) 个 `<title>`，应当恰好一个")
    }

    static func duplicateTitle(_ title: String, firstUsedBy page: String) -> Self {
        .init(
            id: "a11y-title-duplicate", text: "title `\(title)` is also the title of `\(page)`",
            zh: "标题“\(title)”与 `\(page)` 的标题相同；请让每页标题各不相同")
    }

    static let imageWithoutAlt = Self(
        id: "a11y-img-alt", text: "`<img>` has no `alt` (use `alt=\"\"` for a decorative image)",
        zh: "图片没有替代文字（`alt`）；请用一句话说明图片内容，纯装饰图片写 `alt=\"\"`")

    static let tableWithoutHeaders = Self(
        id: "a11y-table-headers", text: "`<table>` has no `<th>` header cells",
        zh: "表格没有表头单元格（`<th>`）；请给表格加上标题行")

    static func headingSkip(from previous: Int, to level: Int) -> Self {
        .init(
            id: "a11y-heading-order", text: "heading `<h\(level)>` follows `<h\(previous)>`, skipping a level",
            zh: "\(level) 级标题紧跟在 \(previous) 级标题之后，跳过了一级；请按层级依次使用标题")
    }

    static let multipleH1 = Self(
        id: "a11y-multiple-h1", text: "page has more than one `<h1>`",
        zh: "页面有不止一个一级标题（`<h1>`）；正文中请从二级标题（##）开始")

    static func vagueLinkText(_ text: String) -> Self {
        let shown = text.isEmpty ? "empty link text" : "link text `\(text)`"
        let shownZh = text.isEmpty ? "链接文字为空" : "链接文字“\(text)”"
        return .init(
            id: "a11y-link-text", text: "\(shown) does not say where the link goes",
            zh: "\(shownZh)没有说明链接指向哪里；请写出目标的名称，不要只写“点击这里”")
    }
}
