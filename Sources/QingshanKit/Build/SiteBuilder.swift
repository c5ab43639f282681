public import Foundation

/// What a build produced: every output file in memory, and every diagnostic.
public struct BuildResult: Sendable {
    /// Output path (relative to the output folder) → bytes. Empty when the build failed.
    public var files: [String: Data]
    public var diagnostics: Diagnostics
    /// How many pages were rendered from Markdown and templates.
    public var renderedPageCount: Int
    /// The search index's size against the site's HTML ("search index 120 KB, 31 % of …").
    public var searchIndexSize: SearchIndexSize? = nil
    /// Pages reused from the previous build: their files are already in the output
    /// folder, unchanged, and are not in `files`.
    public var keptFiles: [String] = []
    /// The build cache to save once `files` are written (see `OutputWriter`).
    public var cache: BuildCache? = nil
    /// Wall time of each phase, in order, and the process's resident memory at its end
    /// (`qingshan build --timings`).
    public var timings: [(phase: String, seconds: Double, residentMiB: Int)] = []
    /// Nothing changed since the previous build into the same folder: there is nothing to write.
    public var isUnchanged = false
    /// What changed in the sources since the build the cache describes ("full build" without one).
    public var sourceChanges = "full build"

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline: read → validate (collecting every diagnostic) → site model → render.
/// Nothing is written here; `OutputWriter` writes a successful result.
public struct SiteBuilder: Sendable {
    public var root: URL

    /// Checks of the rendered output run during the build (the offline audit by default);
    /// `qingshan check` turns on all of them.
    public var outputChecks = OutputCheckOptions(links: false, offline: true, accessibility: false, personalData: false)

    /// The cache of the previous build and the output folder it describes. When set,
    /// pages whose inputs did not change and whose files are intact are not rendered
    /// again. `nil` (the default, and `--clean`) renders everything.
    public var previous: BuildCache?
    public var outputFolder: URL?
    /// Called from rendering threads with (pages rendered so far, pages to render), for a
    /// progress line; the library itself never prints.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// A builder that reuses what the last build into `output` left, when it can.
    public static func incremental(root: URL, output: URL) -> SiteBuilder {
        var builder = SiteBuilder(root: root)
        builder.outputFolder = output.standardizedFileURL
        builder.previous = BuildCache.load(root: root, stampsOnly: true)
        return builder
    }

    public func build() -> BuildResult {
        var clock = PhaseClock()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let stampsTaken = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        var sourceFiles: [String: (size: Int, modified: Int)] = [:]
        let inputStamps = BuildCache.inputStamps(root: root, files: &sourceFiles)
        clock.lap("source stamps")
        // Nothing changed since the last build into this folder, and every page it wrote is
        // still as it was: there is nothing to do, and only file stamps were read.
        if let previous, let outputFolder, outputFolder.path == previous.outputFolder,
           !previous.inputs.isEmpty, previous.inputs == inputStamps,
           previous.entries.allSatisfy({ path, entry in
               BuildCache.stamp(atPath: outputFolder.path + "/" + path).map { $0.size == entry.size && $0.modified == entry.modified } == true
           }),
           previous.others.allSatisfy({ path, stamp in BuildCache.foldedStamp(atPath: outputFolder.path + "/" + path) == stamp }) {
            var result = BuildResult(files: [:], diagnostics: Diagnostics(previous.entries.keys.sorted().flatMap { previous.entries[$0]!.warnings }), renderedPageCount: 0)
            result.keptFiles = previous.entries.keys.sorted()
            result.isUnchanged = true
            result.sourceChanges = "no source changed"
            return result
        }
        // There is work: the rest of the cache is read (a damaged rest means a full build).
        if let partial = previous, partial.unreadData != nil {
            var complete = self
            complete.previous = partial.completed()
            return complete.buildChanged(inputStamps: inputStamps, sourceFiles: sourceFiles, stampsTaken: stampsTaken, clock: clock)
        }
        return buildChanged(inputStamps: inputStamps, sourceFiles: sourceFiles, stampsTaken: stampsTaken, clock: clock)
    }

    /// The build when something changed (or there is no usable cache).
    private func buildChanged(
        inputStamps: [String: Int], sourceFiles: [String: (size: Int, modified: Int)], stampsTaken: Int, clock: PhaseClock
    ) -> BuildResult {
        // Page files with the stamp the last build saw are taken as the text it read,
        // unless they were modified within two seconds before it looked (a coarse clock
        // or a second save could then leave the stamp unchanged, as git's "racily clean").
        var unchanged: [String: Int] = [:]
        if let previous {
            for (path, stamp) in sourceFiles where path.hasPrefix("content/pages/") && previous.inputs[path] == stamp.modified &* 31 &+ stamp.size
                && stamp.modified < previous.inputsTaken - 2_000_000_000 {
                // Pages that showed data are read anyway: a data edit renders them again,
                // and reading them only then costs making the renderer twice.
                if let parsed = previous.parsedPages[path],
                   let entry = previous.entries[Page.outputPath(forPagePath: String(path.dropFirst("content/pages/".count)), slug: parsed.frontMatter.slug)],
                   !entry.datasetsUsed.isEmpty { continue }
                unchanged[path] = stamp.size
            }
        }
        var result = buildSite(unchanged: unchanged)
        result.timings.insert(contentsOf: clock.laps, at: 0)
        result.cache?.inputs = inputStamps
        result.cache?.inputsTaken = stampsTaken
        if let previous, outputFolder?.path == previous.outputFolder {
            result.sourceChanges = BuildCache.describeChanges(from: previous.inputs, to: inputStamps)
        }
        return result
    }

    /// - Parameter unchanged: page files not to read (see `ContentLoader.load`).
    private func buildSite(unchanged: [String: Int] = [:]) -> BuildResult {
        var diagnostics = Diagnostics()
        var clock = PhaseClock()
        let (loaded, contentDiagnostics) = ContentLoader.load(root: root, parsed: previous?.parsedPages ?? [:], unchanged: unchanged)
        diagnostics.append(contentsOf: contentDiagnostics)
        guard let content = loaded else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }
        let config = content.config

        clock.lap("load pages")
        let (loadedTheme, themeDiagnostics) = Theme.load(root: root, name: config.theme)
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let theme = loadedTheme else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }
        clock.lap("load theme")

        let (datasets, dataDiagnostics) = DatasetLoader.load(dataFolder: root.appendingPathComponent("content/data"), root: root, maxFileBytes: config.maxDataBytes, workbookLimits: config.workbookLimits)
        diagnostics.append(contentsOf: dataDiagnostics)
        // Say which encoding a file was read in whenever it was not plain UTF-8, so a
        // GBK export from Excel is never read silently.
        for name in datasets.keys.sorted() where !datasets[name]!.encoding.hasPrefix("UTF-8") {
            diagnostics.note(.datasetEncoding(datasets[name]!.encoding), at: SourceLocation(path: datasets[name]!.path))
        }

        clock.lap("load data")
        // Personal data is refused at its source, unless site.yaml allows it with a reason.
        // Pages were scanned when their text was first read (`ParsedPage.personalData`).
        for page in content.pages {
            let findings = content.parsedPages[page.sourcePath]?.personalData
                ?? PersonalDataScanner.scan(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset)
            diagnostics.append(contentsOf: config.personalData.diagnostics(for: findings, inFile: page.sourcePath))
        }
        // Datasets are scanned when their bytes change; the policy applies on every build.
        var datasetFindings: [String: BuildCache.DatasetFindings] = [:]
        for name in datasets.keys.sorted() {
            let dataset = datasets[name]!
            let findings: [(column: String, finding: PersonalDataFinding)]
            if dataset.sourceHash != 0, let known = previous?.datasetFindings[name], known.sourceHash == dataset.sourceHash {
                findings = known.findings
            } else {
                findings = PersonalDataPolicy.findings(in: dataset)
            }
            datasetFindings[name] = BuildCache.DatasetFindings(sourceHash: dataset.sourceHash, findings: findings)
            diagnostics.append(contentsOf: config.personalData.diagnostics(for: findings, in: dataset))
        }
        clock.lap("personal data")
        var footer: [GovernmentFooterValidator.Field: GovernmentFooterValidator.Value] = [:]
        for field in GovernmentFooterValidator.Field.allCases {
            if let text = config.footer[field.rawValue] {
                footer[field] = GovernmentFooterValidator.Value(text, at: config.footerLocations[field.rawValue])
            }
        }
        diagnostics.append(contentsOf: GovernmentFooterValidator.validate(footer))

        // Outputs besides pages, checked for collisions with pages below.
        var otherSources: [String: String] = content.staticFiles
        for (output, source) in theme.assets {
            if let existing = otherSources[output] {
                diagnostics.warning(.outputCollision(output, other: existing), at: SourceLocation(path: source))
            }
            otherSources[output] = source
        }
        var model = SiteModel(config: config, pages: content.pages, otherOutputs: Set(otherSources.keys))
        diagnostics.append(contentsOf: validate(model: model, theme: theme, otherSources: otherSources))

        var taken = otherSources
        for page in model.pages { taken[page.outputPath] = page.sourcePath }
        let (records, recordDiagnostics) = CollectionPages.plan(config: config, datasets: datasets, taken: taken)
        diagnostics.append(contentsOf: recordDiagnostics)
        for collection in config.collections where !theme.layouts.contains(collection.layout) {
            diagnostics.error(.unknownLayout(collection.layout, known: theme.layouts), at: collection.location)
        }
        diagnostics.append(contentsOf: OutputPathRules.check(
            outputs: otherSources.mapValues { SourceLocation(path: $0) }
                .merging(model.pages.map { ($0.outputPath, SourceLocation(path: $0.sourcePath, line: 1, column: 1)) }, uniquingKeysWith: { a, _ in a })
                .merging(records.map { ($0.page.outputPath, SourceLocation(path: $0.page.sourcePath)) }, uniquingKeysWith: { a, _ in a })))
        clock.lap("validate")
        for folder in ["content", "site-templates"] {
            for path in SourceFile.linksLeavingRoot(in: root.appendingPathComponent(folder), root: root) {
                diagnostics.error(.symlinkLeavesSite, at: SourceLocation(path: "\(folder)/\(path)"))
            }
        }

        // Render even when something is already wrong: the pages' own problems (dead
        // links, bad data blocks) are reported in the same run. Nothing is returned to write.
        clock.lap("symlinks")
        var renderer = PageRenderer(model: model, theme: theme, datasets: datasets, records: records)
        clock.lap("prepare renderer")
        let configText = (try? Data(contentsOf: root.appendingPathComponent(SiteConfig.path))) ?? Data()
        let keys = RenderKeys(
            configText: configText, model: model, datasets: datasets, otherOutputs: Array(otherSources.keys),
            textHashes: content.parsedPages.mapValues(\.textHash))
        let outputs = renderer.outputs
        let reusable = previous.flatMap { cache in
            outputFolder.map { $0.path == cache.outputFolder } == true ? cache : nil
        }
        func key(_ index: Int, datasetsUsed: [String]) -> UInt64 {
            let layout = renderer.layoutName(of: index)
            let layoutHash = theme.layoutHashes[layout] ?? 0
            let readsAll = theme.layoutsReadingData.contains(layout)
            if index < model.pages.count {
                let page = model.pages[index]
                return keys.key(page: page, layoutHash: layoutHash, readsAllData: readsAll, datasetsUsed: datasetsUsed, records: renderer.recordLinks[page.pagePath])
            }
            let record = index - model.pages.count
            return keys.key(record: record, in: records, dataset: datasets[records[record].dataset]!, layoutHash: layoutHash, readsAllData: readsAll)
        }
        // A page is reused when its key is unchanged and its file is as it was written.
        var kept: [Int: BuildCache.Entry] = [:]
        if let reusable, let folder = outputFolder?.path {
            for (index, output) in outputs.enumerated() {
                // Its search postings must be in the cache too: the page's text is not.
                guard let entry = reusable.entries[output], entry.key == key(index, datasetsUsed: entry.datasetsUsed),
                      entry.search.map({ reusable.searchTokens.documents[$0.key] != nil }) ?? true,
                      let stamp = BuildCache.stamp(atPath: folder + "/" + output),
                      stamp.size == entry.size, stamp.modified == entry.modified else { continue }
                kept[index] = entry
            }
        }
        clock.lap("keys and reuse")
        let toRender = outputs.indices.filter { kept[$0] == nil }
        // Pages made without reading their file need their body now. If a file is not
        // the text its stamp promised, the build starts again reading every file.
        let unread = toRender.filter { $0 < model.pages.count && content.unreadBodies.contains(model.pages[$0].sourcePath) }
        if !unread.isEmpty {
            var pages = model.pages
            for index in unread {
                guard let parsed = content.parsedPages[pages[index].sourcePath],
                      let body = ContentLoader.readBody(of: pages[index], root: root, parsed: parsed) else { return buildSite() }
                pages[index].body = body
            }
            model = SiteModel(config: config, pages: pages, otherOutputs: Set(otherSources.keys))
            renderer = PageRenderer(model: model, theme: theme, datasets: datasets, records: records)
            clock.lap("read \(unread.count) unchanged pages")
        }
        let slots = ResultSlots<RenderedPage>(count: toRender.count)
        let counter = ResultSlots<Int>(count: 1)
        counter[0] = 0
        let progress = self.progress
        let pageRenderer = renderer
        DispatchQueue.concurrentPerform(iterations: toRender.count) { slot in
            slots[slot] = pageRenderer.render(toRender[slot])
            if let progress { progress(counter.increment(0), toRender.count) }
        }
        let rendered = Dictionary(uniqueKeysWithValues: zip(toRender, slots.values))
        for index in toRender { diagnostics.append(contentsOf: rendered[index]!.diagnostics) }
        for entry in kept.values { diagnostics.append(contentsOf: entry.warnings) }
        guard !diagnostics.hasErrors else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }

        clock.lap("render \(toRender.count) pages")
        var files: [String: Data] = [:]
        for (output, source) in otherSources {
            do {
                files[output] = try Data(contentsOf: root.appendingPathComponent(source))
            } catch {
                diagnostics.error(.unreadableFile(error.localizedDescription), at: SourceLocation(path: source))
            }
        }
        var htmlBytes = 0
        var searchEntries: [SearchEntry] = []
        var renderedDocuments: [UInt64: SearchDocument] = [:]
        var cache = BuildCache(outputFolder: outputFolder?.path ?? "")
        for (index, output) in outputs.enumerated() {
            if let entry = kept[index] {
                htmlBytes += entry.size
                if let search = entry.search { searchEntries.append(search) }
                cache.entries[output] = entry
                continue
            }
            let page = rendered[index]!
            files[output] = page.html
            htmlBytes += page.html.count
            let search = page.searchDocument.map { SearchEntry($0) }
            if let document = page.searchDocument, let search {
                searchEntries.append(search)
                renderedDocuments[search.key] = document
            }
            let used = page.datasetsUsed.sorted()
            cache.entries[output] = BuildCache.Entry(
                key: key(index, datasetsUsed: used), datasetsUsed: used, search: search,
                warnings: page.diagnostics.filter { $0.severity != .error })
        }
        clock.lap("read files, cache entries")
        // Pages whose text did not change keep their tokens from the last build.
        var searchTokens = previous?.searchTokens ?? SearchTokenCache()
        let searchIndex = SearchIndex(entries: searchEntries, documents: renderedDocuments, cache: &searchTokens)
        cache.searchTokens = searchTokens
        files[Self.searchIndexPath] = Data(searchIndex.javaScript.utf8)
        // Sitemap, feed and robots.txt (with a baseURL). A site's own file of the same
        // name wins, with a warning.
        clock.lap("search index")
        let published = PublishFiles.make(config: config, pages: renderer.publishedPages, sourceDateEpoch: PublishFiles.sourceDateEpoch())
        diagnostics.append(contentsOf: published.diagnostics)
        for (path, data) in published.files {
            if let source = otherSources[path] {
                diagnostics.warning(.outputCollision(path, other: "the generated \(path)"), at: SourceLocation(path: source))
            } else {
                files[path] = data
            }
        }
        if !diagnostics.hasErrors {
            let findings = OutputChecker.check(files: files, options: outputChecks)
            let pagesByOutput = Dictionary(model.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
            diagnostics.append(contentsOf: SourceTrace.annotate(findings, files: files, pages: pagesByOutput))
        }
        clock.lap("publish files, output checks")
        var result = BuildResult(files: diagnostics.hasErrors ? [:] : files, diagnostics: diagnostics, renderedPageCount: toRender.count)
        result.timings = clock.laps
        result.searchIndexSize = searchIndex.size(comparedToHTMLBytes: htmlBytes)
        result.keptFiles = kept.keys.map { outputs[$0] }.sorted()
        cache.parsedPages = content.parsedPages
        cache.datasetFindings = datasetFindings
        result.cache = cache
        return result
    }

    /// Problems visible before rendering: output collisions, navigation, layouts.
    private func validate(model: SiteModel, theme: Theme, otherSources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = otherSources
        for page in model.pages {
            if let other = owners[page.outputPath] {
                diagnostics.append(.error(.outputCollision(page.outputPath, other: other), at: SourceLocation(path: page.sourcePath, line: 1, column: 1)))
            } else {
                owners[page.outputPath] = page.sourcePath
            }
            let layout = page.layoutName
            if !theme.layouts.contains(layout) {
                let location = layoutLocation(page) ?? SourceLocation(path: page.sourcePath, line: 1, column: 1)
                diagnostics.append(.error(.unknownLayout(layout, known: theme.layouts), at: location))
            }
        }
        for folder in Set(model.pages.map(\.folder)) where !folder.isEmpty && model.sectionIndexByFolder[folder] == nil {
            diagnostics.append(.warning(.sectionWithoutIndex("content/pages/" + folder), at: SourceLocation(path: "content/pages/" + folder)))
        }
        for item in model.config.navigation {
            if case .page(let path) = item.target, model.pageIndexByPath[path] == nil {
                diagnostics.append(.error(.unknownNavigationTarget(path), at: item.location))
            }
        }
        return diagnostics
    }

    /// The line of `layout:` in the page's front matter, found by scanning the file's head.
    private func layoutLocation(_ page: Page) -> SourceLocation? {
        guard page.frontMatter.layout != nil,
              let text = try? String(contentsOf: root.appendingPathComponent(page.sourcePath), encoding: .utf8) else { return nil }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(page.bodyLineOffset).enumerated()
        where line.hasPrefix("layout:") {
            let valueStart = line.dropFirst("layout:".count).prefix { $0 == " " }.count + "layout:".count
            return SourceLocation(path: page.sourcePath, line: number + 1, column: valueStart + 1)
        }
        return nil
    }

    /// Where the search index is written: a classic script that sets a global, so it
    /// loads from `file://` where `fetch` cannot.
    static let searchIndexPath = "search-index.js"
}
