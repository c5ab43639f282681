import Foundation

extension SiteBuilder {
    /// In step 5: the 本期变化 pages (`ChangesPages`), rendered every build: they read
    /// every dataset and every snapshot, and there are few of them.
    ///
    /// - Returns: the pages, for the sitemap and (the archived periods) the feed.
    func addChanges(_ site: CheckedSite, files: inout [String: Data], diagnostics: inout Diagnostics) -> [PublishedPage] {
        let theme = site.loaded.theme
        guard theme.layouts.contains(ChangesPages.layout) else {
            if !site.loaded.snapshots.isEmpty {
                diagnostics.warning(.changesNoLayout(ChangesPages.layout), at: SourceLocation(path: Snapshot.folder))
            }
            return []
        }
        let pages = ChangesPages(model: site.model, archive: site.loaded.snapshots, datasets: site.loaded.datasets, records: site.records)
        let entries = pages.entries
        let archived = Array(entries.dropFirst())
        var shared = PageRenderer.sharedValues(config: site.model.config, hasDownloads: !(site.loaded.openData?.published.isEmpty ?? true))
        shared["data"] = site.renderer.dataValue
        var taken = site.otherSources
        for page in site.model.pages { taken[page.outputPath] = page.sourcePath }
        for record in site.records { taken[record.page.outputPath] = record.page.sourcePath }
        var published: [PublishedPage] = []
        for entry in entries {
            let page = entry.page
            if let other = taken[page.outputPath] {
                diagnostics.error(.changesPathTaken(page.outputPath, other: other), at: SourceLocation(path: Snapshot.folder))
                continue
            }
            let sample = entry.period?.datasets.contains { $0.hasChanges && (site.loaded.datasets[$0.name]?.sample ?? false) } ?? false
            let context = PageContext(
                model: site.model, page: page, markdown: RenderedMarkdown(html: "", headings: [], usesSampleData: sample),
                shared: shared, perDepth: site.renderer.perDepthValues(root: SitePaths.root(of: page.outputPath), layout: ChangesPages.layout))
            var values = context.make()
            values["changes"] = pages.values(for: entry, archived: archived)
            guard let output = theme.library.render("layout/" + ChangesPages.layout, context: .map(values)) else { continue }
            files[page.outputPath] = Data(output.bytes)
            var entryPage = PublishedPage(page)
            entryPage.inFeed = entry.isArchive
            published.append(entryPage)
        }
        return published
    }

    /// Errors for navigation entries (`path:`) naming an output the build does not make.
    func checkNavigationOutputs(_ site: CheckedSite, extraPages: [PublishedPage], diagnostics: inout Diagnostics) {
        var outputs = Set(site.renderer.outputs).union(site.otherSources.keys).union(extraPages.map(\.outputPath))
        outputs.formUnion(site.loaded.openData?.outputPaths ?? [])
        for item in site.model.config.navigation {
            if case .output(let path) = item.target, !outputs.contains(path) {
                diagnostics.error(.unknownNavigationOutput(path), at: item.location)
            }
        }
    }
}
