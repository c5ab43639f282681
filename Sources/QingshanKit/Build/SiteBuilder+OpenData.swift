import Foundation

extension SiteBuilder {
    /// In step 1: which datasets are published for download, with the warnings about them
    /// (no licence, formula-like cells, personal data).
    func planOpenData(_ site: LoadedSite, diagnostics: inout Diagnostics) -> OpenDataPhase {
        let firstFindings = site.datasetFindings.compactMapValues { $0.findings.first?.finding.location }
        let phase = OpenDataPhase(config: site.content.config, datasets: site.datasets, personalData: firstFindings)
        diagnostics.append(contentsOf: phase.diagnostics)
        return phase
    }

    /// In step 5: the downloads and data package (`OpenDataPhase`) and the catalogue page
    /// `data/index.html`, with its search entry. A download never overwrites another output.
    ///
    /// - Returns: the catalogue page, for the sitemap (none when nothing is published).
    func addOpenData(
        _ site: CheckedSite, files: inout [String: Data], search: inout [SearchEntry], documents: inout [UInt64: SearchDocument],
        diagnostics: inout Diagnostics
    ) -> [PublishedPage] {
        guard let phase = site.loaded.openData, !phase.published.isEmpty else { return [] }
        var taken = site.otherSources
        for page in site.model.pages { taken[page.outputPath] = page.sourcePath }
        for record in site.records { taken[record.page.outputPath] = record.page.sourcePath }
        diagnostics.append(contentsOf: Self.openDataCollisions(phase, taken: taken))
        let made = phase.files(config: site.model.config)
        diagnostics.append(contentsOf: made.diagnostics)
        files.merge(made.files) { _, new in new }
        let theme = site.loaded.theme
        guard theme.layouts.contains(DataCatalogue.layout) else {
            diagnostics.warning(.openDataNoCatalogueLayout(DataCatalogue.layout), at: SourceLocation(path: SiteConfig.path))
            return []
        }
        let catalogue = DataCatalogue(datasets: phase.published, files: made.files)
        let page = DataCatalogue.page
        var shared = PageRenderer.sharedValues(config: site.model.config, hasDownloads: true)
        shared["data"] = .map(site.loaded.datasets.mapValues(PageRenderer.templateValue))
        let context = PageContext(
            model: site.model, page: page,
            markdown: RenderedMarkdown(html: "", headings: [], usesSampleData: phase.published.contains(where: \.sample)),
            shared: shared, perDepth: PageContext.perDepthValues(model: site.model, root: SitePaths.root(of: page.outputPath)))
        var values = context.make()
        values["catalogue"] = catalogue.templateValue
        guard let output = theme.library.render("layout/" + DataCatalogue.layout, context: .map(values)) else { return [] }
        files[page.outputPath] = Data(output.bytes)
        let document = SearchDocument(url: page.outputPath, title: DataCatalogue.title, section: "", text: catalogue.searchText)
        let entry = SearchEntry(document)
        search.append(entry)
        documents[entry.key] = document
        return [PublishedPage(page)]
    }

    /// Errors for download paths that another output already has (also when they differ
    /// only in case or Unicode form, as on Windows and macOS disks) or cannot be stored.
    static func openDataCollisions(_ phase: OpenDataPhase, taken: [String: String]) -> [Diagnostic] {
        let folded = Dictionary(taken.map { ($0.key.precomposedStringWithCanonicalMapping.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        for path in phase.outputPaths {
            let dataset = phase.published.first { path.hasPrefix(DownloadLinks.path(of: $0.name, format: "")) }
            let location = SourceLocation(path: dataset?.path ?? "content/data")
            if let other = folded[path.precomposedStringWithCanonicalMapping.lowercased()] {
                diagnostics.append(.error(.openDataPathTaken(path, other: other), at: location))
            } else if let reason = OutputPathRules.problem(with: path) {
                diagnostics.append(.error(.reservedOutputName(path, reason: reason), at: location))
            }
        }
        return diagnostics
    }
}
