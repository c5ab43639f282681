// The messages of the open-data downloads (`data/`, `datapackage.json`, the catalogue).

extension Diagnostic.Message {
    /// The data package would carry no licence; one is never assumed.
    static let openDataWithoutLicense = Self(
        id: "open-data-without-license",
        text: "the datasets are published for download without a licence: add `openData: {license: …}` to site.yaml (for example CC-BY-4.0, as the publisher decides); none is assumed",
        zh: "数据下载未声明许可协议：请在 site.yaml 中添加 `openData: {license: …}`（例如 CC-BY-4.0，由发布单位决定）；系统不会自行假定许可协议")

    /// A text cell that a spreadsheet would run as a formula.
    static func openDataFormulaCell(field: String, dataset: String) -> Self {
        .init(
            id: "open-data-formula-cell",
            text:
                "the text in '\(field)' starts like a spreadsheet formula (= + - @): \(dataset).csv writes it with a leading ' so Excel shows it as text; the XLSX and JSON downloads keep it as written",
            zh: "“\(field)”中的文字以公式符号（= + - @）开头：\(dataset).csv 中在其前加 ' 使 Excel 按文本显示；XLSX 与 JSON 下载保持原样")
    }

    /// A dataset whose personal data is allowed on pages is still not offered as a file.
    static func openDataPersonalData(_ dataset: String) -> Self {
        .init(
            id: "open-data-personal-data",
            text: "'\(dataset)' holds personal data (allowed on pages by site.yaml): its CSV, XLSX and JSON downloads are not published",
            zh: "“\(dataset)”含有个人信息（site.yaml 允许在页面上显示）：不发布其 CSV、XLSX、JSON 下载文件")
    }

    /// A download's path is already taken by a page or a file of the site.
    static func openDataPathTaken(_ path: String, other: String) -> Self {
        .init(
            id: "open-data-path-taken",
            text: "the download '\(path)' would overwrite \(other); rename one of them",
            zh: "下载文件“\(path)”与 \(other) 路径相同；请重命名其中之一")
    }

    /// A download could not be made (an XLSX that ZIP writing refused).
    static func openDataWriteFailed(_ path: String, reason: String) -> Self {
        .init(id: "open-data-write-failed", text: "cannot make '\(path)': \(reason)", zh: "无法生成“\(path)”：\(reason)")
    }
}

extension Diagnostic.Message {
    /// The theme cannot show the catalogue page: the downloads are written without it.
    static func openDataNoCatalogueLayout(_ layout: String) -> Self {
        .init(
            id: "open-data-no-catalogue-layout",
            text: "the theme has no layout '\(layout)': the downloads are written, but not the catalogue page data/index.html",
            zh: "主题缺少布局“\(layout)”：下载文件照常生成，但不生成数据下载目录页 data/index.html")
    }
}
