import Foundation

extension SiteBuilder {
    /// Step 5: every output file, the search index, the publishing files, the output
    /// audit, and the cache for the next build.
    func assemble(_ site: CheckedSite, plan: ReusePlan, rendered: RenderedPages, cache previous: BuildCache?, run: inout Run) -> BuildResult {
        var files = readOtherFiles(site.otherSources, diagnostics: &run.diagnostics)
        var cache = BuildCache(outputFolder: outputFolder?.path ?? "")
        // Records still equal to those of the cache file read are saved as they were read.
        cache.readFrom = previous?.readFrom
        var pages = PageOutputs()
        for (index, output) in site.renderer.outputs.enumerated() {
            if let entry = plan.kept[index] {
                pages.keep(entry, at: output, into: &cache)
            } else {
                pages.add(
                    rendered.pages[index]!, staged: rendered.staged[index], at: output, key: { site.keys.key(index, datasetsUsed: $0) },
                    into: &cache, files: &files)
            }
        }
        let openDataPages = addOpenData(
            site, files: &files, search: &pages.searchEntries, documents: &pages.documents, cache: &cache, previous: previous,
            diagnostics: &run.diagnostics)
        let changesPages = addChanges(site, files: &files, diagnostics: &run.diagnostics)
        checkNavigationOutputs(site, extraPages: openDataPages + changesPages, diagnostics: &run.diagnostics)
        run.clock.lap("read files, cache entries")
        // Pages whose text did not change keep their tokens from the last build.
        var searchTokens = previous?.searchTokens ?? SearchTokenCache()
        let lastIndex = outputFolder?.appendingPathComponent(Self.searchIndexPath)
        let searchIndex = SearchIndex(
            entries: pages.searchEntries, documents: pages.documents, cache: &searchTokens, lastFile: { lastIndex.flatMap { try? Data(contentsOf: $0) } })
        cache.searchTokens = searchTokens
        files[Self.searchIndexPath] = searchIndex.data
        run.clock.lap("search index")
        addPublishFiles(site, extraPages: openDataPages + changesPages, to: &files, diagnostics: &run.diagnostics)
        if !run.diagnostics.hasErrors {
            checkOutput(files: files, staged: pages, targets: rendered.linkTargets, site: site, diagnostics: &run.diagnostics)
        }
        run.clock.lap("publish files, output checks")
        var result = BuildResult(files: run.diagnostics.hasErrors ? [:] : files, diagnostics: run.diagnostics, renderedPageCount: plan.toRender.count)
        result.stagedPages = pages.staged.map(\.manifestEntry)
        result.staging = staging
        result.timings = run.clock.laps
        result.searchIndexSize = searchIndex.size(comparedToHTMLBytes: pages.htmlBytes)
        let outputs = site.renderer.outputs
        result.keptFiles = plan.kept.keys.map { outputs[$0] }.sorted()
        cache.parsedPages = site.loaded.content.parsedPages
        cache.datasetFindings = site.loaded.datasetFindings
        result.cache = cache
        return result
    }

    /// The output audit (`outputChecks`) of `files` and of the pages already staged.
    private func checkOutput(
        files: [String: Data], staged: PageOutputs, targets: LinkTargets, site: CheckedSite, diagnostics: inout Diagnostics
    ) {
        let findings: [Diagnostic]
        var read: @Sendable (String) -> Data? = { files[$0] }
        if let staging {
            let analysed = Dictionary(uniqueKeysWithValues: staged.staged.map { ($0.manifestEntry.path, $0.analysis) })
            findings = OutputChecker.check(files: files, analysed: analysed, readBack: { staging.read($0) }, targets: targets, options: outputChecks)
            read = { files[$0] ?? staging.read($0) }
        } else {
            findings = OutputChecker.check(files: files, options: outputChecks)
        }
        let pagesByOutput = Dictionary(site.model.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        diagnostics.append(contentsOf: SourceTrace.annotate(findings, html: read, pages: pagesByOutput))
    }

    /// The bytes of the static files and theme assets.
    private func readOtherFiles(_ sources: [String: String], diagnostics: inout Diagnostics) -> [String: Data] {
        var files: [String: Data] = [:]
        for (output, source) in sources {
            if let embedded = EmbeddedTheme.data(atSourcePath: source) {
                files[output] = embedded
                continue
            }
            do {
                files[output] = try Data(contentsOf: root.appendingPathComponent(source))
            } catch {
                diagnostics.error(.unreadableFile(error.localizedDescription), at: SourceLocation(path: source))
            }
        }
        return files
    }

    /// Sitemap, feed and robots.txt (with a baseURL). A site's own file of the same name
    /// wins, with a warning.
    /// - Parameter extraPages: pages made outside the renderer (the downloads catalogue).
    private func addPublishFiles(_ site: CheckedSite, extraPages: [PublishedPage], to files: inout [String: Data], diagnostics: inout Diagnostics) {
        let published = PublishFiles.make(
            config: site.loaded.content.config, pages: site.renderer.publishedPages + extraPages, sourceDateEpoch: PublishFiles.sourceDateEpoch())
        diagnostics.append(contentsOf: published.diagnostics)
        for (path, data) in published.files {
            if let source = site.otherSources[path] {
                diagnostics.warning(.outputCollision(path, other: "the generated \(path)"), at: SourceLocation(path: source))
            } else {
                files[path] = data
            }
        }
    }
}

/// The page outputs as they are collected into files, search entries and cache entries.
private struct PageOutputs {
    var htmlBytes = 0
    var searchEntries: [SearchEntry] = []
    var documents: [UInt64: SearchDocument] = [:]
    /// Pages written into the staging folder as they were rendered.
    var staged: [StagedPage] = []

    /// A page kept from the last build: its entry (with its search postings) carries over.
    mutating func keep(_ entry: BuildCache.Entry, at output: String, into cache: inout BuildCache) {
        htmlBytes += entry.size
        if let search = entry.search { searchEntries.append(search) }
        cache.entries[output] = entry
    }

    /// A page rendered now (and, with `staged`, already written).
    mutating func add(
        _ page: RenderedPage, staged: StagedPage?, at output: String, key: ([String]) -> UInt64, into cache: inout BuildCache,
        files: inout [String: Data]
    ) {
        if let staged {
            self.staged.append(staged)
            htmlBytes += staged.manifestEntry.size
        } else {
            files[output] = page.html
            htmlBytes += page.html.count
        }
        let search = page.searchDocument.map { SearchEntry($0) }
        if let document = page.searchDocument, let search {
            searchEntries.append(search)
            documents[search.key] = document
        }
        let used = page.datasetsUsed.sorted()
        cache.entries[output] = BuildCache.Entry(
            key: key(used), datasetsUsed: used, search: search, warnings: page.diagnostics.filter { $0.severity != .error })
    }
}
