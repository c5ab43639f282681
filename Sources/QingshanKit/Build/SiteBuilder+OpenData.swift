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
    /// The files are taken from `cache` while the configuration and the published
    /// datasets are those they were made from, and kept in `cache` for the next build.
    func addOpenData(
        _ site: CheckedSite, files: inout [String: Data], search: inout [SearchEntry], documents: inout [UInt64: SearchDocument],
        cache: inout BuildCache, previous: BuildCache?, diagnostics: inout Diagnostics
    ) -> [PublishedPage] {
        guard let phase = site.loaded.openData, !phase.published.isEmpty else { return [] }
        var taken = site.otherSources
        for page in site.model.pages { taken[page.outputPath] = page.sourcePath }
        for record in site.records { taken[record.page.outputPath] = record.page.sourcePath }
        diagnostics.append(contentsOf: Self.openDataCollisions(phase, taken: taken))
        let key = Self.openDataKey(phase, configText: site.loaded.content.configText)
        let made: (files: [String: Data], diagnostics: [Diagnostic])
        if let known = previous?.openData, known.key == key {
            made = (known.files, known.diagnostics)
        } else {
            made = phase.files(config: site.model.config)
        }
        cache.openData = BuildCache.OpenDataFiles(key: key, files: made.files, diagnostics: made.diagnostics)
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
        shared["data"] = site.renderer.dataValue
        let context = PageContext(
            model: site.model, page: page,
            markdown: RenderedMarkdown(html: "", headings: [], usesSampleData: phase.published.contains(where: \.sample)),
            shared: shared, perDepth: site.renderer.perDepthValues(root: SitePaths.root(of: page.outputPath), layout: DataCatalogue.layout))
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

    /// What the downloads are made from: `site.yaml` and each published dataset's sources.
    static func openDataKey(_ phase: OpenDataPhase, configText: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(BuildCache.formatVersion)
        hash.combine(configText)
        for dataset in phase.published {
            hash.combine(dataset.name)
            hash.combine(RenderKeys.hash(dataset))
        }
        return hash.value
    }

    /// Errors for download paths that another output already has (also when they differ
    /// only in case or Unicode form, as on Windows and macOS disks) or cannot be stored.
    static func openDataCollisions(_ phase: OpenDataPhase, taken: [String: String]) -> [Diagnostic] {
        let folded = Dictionary(taken.map { (OutputPathRules.folded($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        for path in phase.outputPaths {
            let dataset = phase.published.first { path.hasPrefix(DownloadLinks.path(of: $0.name, format: "")) }
            let location = SourceLocation(path: dataset?.path ?? "content/data")
            if let other = folded[OutputPathRules.folded(path)] {
                diagnostics.append(.error(.openDataPathTaken(path, other: other), at: location))
            } else if let reason = OutputPathRules.problem(with: path) {
                diagnostics.append(.error(.reservedOutputName(path, reason: reason), at: location))
            }
        }
        return diagnostics
    }
}
