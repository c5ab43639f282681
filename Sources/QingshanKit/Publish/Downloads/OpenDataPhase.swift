public import Foundation

/// The open-data downloads: which datasets are published, and their files.
///
/// Every dataset is published under `data/` as `NAME.csv`, `NAME.xlsx` and `NAME.json`,
/// described by `data/datapackage.json`, except a dataset whose schema says
/// `publish: false` and one holding personal data (even allowed on pages: a file is
/// copied on without its page's context). The files depend only on the datasets and
/// `site.yaml`, and the output writer rewrites only those whose bytes changed.
public struct OpenDataPhase: Sendable {
    public static let packagePath = DownloadLinks.folder + "/datapackage.json"
    public static let cataloguePath = DownloadLinks.folder + "/index.html"

    /// The published datasets, by name order.
    public var published: [Dataset]
    public var diagnostics: [Diagnostic]

    /// Decides what is published and collects the warnings about it.
    ///
    /// - Parameter personalData: where each dataset's first personal-data finding is
    ///   (allowed or not: an unallowed one has already failed the build).
    public init(config: SiteConfig, datasets: [String: Dataset], personalData: [String: SourceLocation]) {
        var published: [Dataset] = []
        var diagnostics: [Diagnostic] = []
        for name in datasets.keys.sorted() {
            let dataset = datasets[name]!
            guard dataset.schema?.publish ?? true else { continue }
            if let finding = personalData[name] {
                diagnostics.append(.warning(.openDataPersonalData(name), at: finding))
                continue
            }
            for cell in SpreadsheetFormulaGuard.findings(in: dataset) {
                diagnostics.append(.warning(.openDataFormulaCell(field: cell.field, dataset: name), at: cell.location))
            }
            published.append(dataset)
        }
        if !published.isEmpty, config.openData.license == nil {
            diagnostics.append(.warning(.openDataWithoutLicense, at: config.openData.location))
        }
        self.published = published
        self.diagnostics = diagnostics
    }

    /// The published dataset names.
    public var names: Set<String> { Set(published.map(\.name)) }

    /// Every output path this phase writes: the downloads, the data package and the catalogue page.
    public var outputPaths: [String] {
        guard !published.isEmpty else { return [] }
        return published.flatMap { dataset in DownloadLinks.formats.map { DownloadLinks.path(of: dataset.name, format: $0) } }
            + [Self.packagePath, Self.cataloguePath]
    }

    /// The downloads and the data package; nothing when no dataset is published.
    public func files(config: SiteConfig) -> (files: [String: Data], diagnostics: [Diagnostic]) {
        guard !published.isEmpty else { return ([:], []) }
        var files: [String: Data] = [:]
        var diagnostics: [Diagnostic] = []
        var resources: [DataPackageWriter.Resource] = []
        let creator = config.footer["sponsor"] ?? config.meta["contentSource"]
        for dataset in published {
            let csv = DatasetCSVWriter.csv(dataset)
            files[DownloadLinks.path(of: dataset.name, format: "csv")] = csv
            files[DownloadLinks.path(of: dataset.name, format: "json")] = DatasetJSONWriter.json(dataset)
            let xlsxPath = DownloadLinks.path(of: dataset.name, format: "xlsx")
            do {
                files[xlsxPath] = try DatasetXLSXWriter.xlsx(dataset, date: DatasetDates.latest(in: dataset), creator: creator)
            } catch {
                diagnostics.append(.error(.openDataWriteFailed(xlsxPath, reason: String(describing: error)), at: SourceLocation(path: dataset.path)))
            }
            resources.append(DataPackageWriter.Resource(dataset: dataset, csv: csv))
        }
        files[Self.packagePath] = DataPackageWriter.json(config: config, resources: resources)
        return (files, diagnostics)
    }
}
