/// Where a dataset's downloads are (`data/NAME.csv|xlsx|json`) and the line that links
/// them from a page ("下载数据：CSV · XLSX · JSON"), as relative links.
enum DownloadLinks {
    /// The folder of the downloads, the catalogue page and the data package.
    static let folder = "data"
    /// The formats, in the order links show them.
    static let formats = ["csv", "xlsx", "json"]
    /// The data views that carry the line linking their dataset's downloads.
    static let views: Set<String> = ["table", "chart"]

    /// The output path of one download.
    static func path(of dataset: String, format: String) -> String { "\(folder)/\(dataset).\(format)" }

    /// `downloads` as templates see it: `{title, csv, xlsx, json, catalogue}`, each a link
    /// from a page whose path to the site root is `root`.
    static func templateValue(dataset: Dataset, root: String) -> TemplateValue {
        var value: [String: TemplateValue] = ["title": .string(dataset.title), "catalogue": .string(root + folder + "/index.html")]
        for format in formats { value[format] = .string(root + path(of: dataset.name, format: format)) }
        return .map(value)
    }

    /// The line under a table or chart of `dataset` (the `downloads` partial says the same
    /// on record pages). The dataset's title is in each link's accessible name, so a
    /// screen reader's list of links tells the files of two tables apart.
    static func html(dataset: Dataset, root: String) -> String {
        let title = dataset.title.htmlEscaped
        let links = formats.map { format in
            #"<a href="\#(root)\#(path(of: dataset.name, format: format).htmlEscaped)">\#(format.uppercased())<span class="visually-hidden">（\#(title)）</span></a>"#
        }
        return #"<p class="data-downloads">下载数据："# + links.joined(separator: #"<span aria-hidden="true"> · </span>"#) + "</p>\n"
    }
}
