import Foundation

/// The catalogue page `data/index.html` (数据下载): one entry per published dataset with
/// its title, description, fields, row count, latest date and each download with its
/// size, rendered with the theme's `datasets` layout like any other page.
struct DataCatalogue {
    static let title = "数据下载"
    static let layout = "datasets"
    static let summary = "本专栏所用数据集的下载：CSV、XLSX（Excel、WPS）与 JSON 格式，并附 Frictionless 数据包说明文件。"

    /// The published datasets, in name order.
    let datasets: [Dataset]
    /// The download files (`OpenDataPhase.files`), whose sizes the page shows.
    let files: [String: Data]

    /// The page as the site model sees it: in folder `data`, beside no Markdown file.
    static var page: Page {
        var matter = FrontMatter()
        matter.title = title
        matter.layout = layout
        matter.summary = summary
        return Page(
            sourcePath: "content/data", pagePath: DownloadLinks.folder + "/index.catalogue",
            outputPath: OpenDataPhase.cataloguePath, frontMatter: matter, body: "", bodyLineOffset: 0)
    }

    /// `catalogue` as the layout sees it: `{datasets: [...], package: {url, size}}`.
    var templateValue: TemplateValue {
        let entries: [TemplateValue] = datasets.map { dataset in
            var entry: [String: TemplateValue] = [
                "name": .string(dataset.name), "title": .string(dataset.title),
                "rows": .int(dataset.rows.count), "sample": .bool(dataset.sample),
                "fields": .list(dataset.fields.map(Self.fieldValue)),
                "downloads": .list(
                    DownloadLinks.formats.map { format in
                        let path = DownloadLinks.path(of: dataset.name, format: format)
                        return ["format": .string(format.uppercased()), "url": .string(SitePaths.lastComponent(of: path)), "size": .string(Self.size(files[path]?.count ?? 0))]
                    }),
            ]
            if let description = dataset.schema?.description { entry["description"] = .string(description) }
            if let latest = DatasetDates.latest(in: dataset), case .date(let year, let month, let day) = latest {
                entry["latest"] = .string(latest.description)
                entry["latestText"] = .string(ChineseFormat.date(year: year, month: month, day: day))
            }
            return .map(entry)
        }
        let package: TemplateValue = [
            "url": .string(SitePaths.lastComponent(of: OpenDataPhase.packagePath)),
            "size": .string(Self.size(files[OpenDataPhase.packagePath]?.count ?? 0)),
        ]
        return ["datasets": .list(entries), "package": package]
    }

    /// What the site search finds the page by: every dataset's title, description and field titles.
    var searchText: String {
        datasets.map { dataset in
            ([dataset.title, dataset.schema?.description ?? ""] + dataset.fields.map(\.title)).joined(separator: " ")
        }.joined(separator: " ")
    }

    private static func fieldValue(_ field: DataField) -> TemplateValue {
        var value: [String: TemplateValue] = ["name": .string(field.name), "title": .string(field.title), "type": .string(typeName(field.type))]
        if let unit = field.unit { value["unit"] = .string(unit) }
        return .map(value)
    }

    /// The field type as a reader of the page says it.
    static func typeName(_ type: DataField.FieldType) -> String {
        switch type {
        case .string: "文本"
        case .integer: "整数"
        case .number: "数值"
        case .date: "日期"
        case .boolean: "是/否"
        case .any: "任意"
        case .array: "列表"
        case .object: "映射"
        }
    }

    /// `812 字节`, `6.2 KB`, `1.4 MB`: one decimal, in units of 1024.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) 字节" }
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1024 { return String(format: "%.1f KB", kilobytes) }
        return String(format: "%.1f MB", kilobytes / 1024)
    }
}
