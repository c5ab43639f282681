import Foundation

extension SiteBuilder {
    /// Step 1: content, theme and data, and the personal-data policy applied to them.
    /// `nil` when the site cannot be read at all (no `site.yaml`, no usable theme).
    func load(cache: BuildCache?, unchanged: [String: Int], run: inout Run) -> LoadedSite? {
        let configRead = ContentLoader.readConfig(root: root)
        // The theme and the datasets need only site.yaml: they load on another core while
        // the pages load (a one-page rebuild at N = 10,000 spent 115 ms on the three in a row).
        let beside = configRead.config.map { config in loadThemeAndData(config: config) }
        let (loaded, contentDiagnostics) = ContentLoader.load(
            root: root, parsed: cache?.parsedPages ?? [:], unchanged: unchanged, configRead: configRead)
        let themeAndData = beside?()
        run.diagnostics.append(contentsOf: contentDiagnostics)
        guard let content = loaded, let themeAndData else { return nil }
        run.diagnostics.append(contentsOf: themeAndData.themeDiagnostics)
        guard let theme = themeAndData.theme else { return nil }
        let datasets = themeAndData.datasets
        run.diagnostics.append(contentsOf: themeAndData.dataDiagnostics)
        // Say which encoding a file was read in whenever it was not plain UTF-8, so a
        // GBK export from Excel is never read silently.
        for name in datasets.keys.sorted() where !datasets[name]!.encoding.hasPrefix("UTF-8") {
            run.diagnostics.note(.datasetEncoding(datasets[name]!.encoding), at: SourceLocation(path: datasets[name]!.path))
        }
        run.clock.lap("load pages, theme and data")
        var site = LoadedSite(content: content, theme: theme, datasets: datasets, datasetFindings: [:])
        site.datasetFindings = checkPersonalData(site, cache: cache, diagnostics: &run.diagnostics)
        site.openData = planOpenData(site, diagnostics: &run.diagnostics)
        run.clock.lap("personal data")
        site.snapshots = loadSnapshots(site, diagnostics: &run.diagnostics)
        return site
    }

    /// The theme and the datasets, as loaded beside the pages.
    private struct ThemeAndData: Sendable {
        var theme: Theme?
        var themeDiagnostics: [Diagnostic]
        var datasets: [String: Dataset]
        var dataDiagnostics: [Diagnostic]
    }

    /// Starts loading the theme and the datasets of `config` on another thread; the
    /// function returned waits for them.
    private func loadThemeAndData(config: SiteConfig) -> () -> ThemeAndData {
        let root = root
        let result = Locked<ThemeAndData?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let (theme, themeDiagnostics) = Theme.load(root: root, name: config.theme)
            let (datasets, dataDiagnostics) = DatasetLoader.load(
                dataFolder: root.appendingPathComponent("content/data"), root: root, maxFileBytes: config.maxDataBytes,
                workbookLimits: config.workbookLimits)
            result.withLock { $0 = ThemeAndData(theme: theme, themeDiagnostics: themeDiagnostics, datasets: datasets, dataDiagnostics: dataDiagnostics) }
        }
        return {
            group.wait()
            return result.withLock { $0! }
        }
    }

    /// Step 2: the site model, record pages and output paths, checked before rendering.
    func checkSources(_ loaded: LoadedSite, run: inout Run) -> CheckedSite {
        let config = loaded.content.config
        run.diagnostics.append(contentsOf: checkFooter(config))
        // Outputs besides pages, checked for collisions with pages below.
        var otherSources = loaded.content.staticFiles
        for (output, source) in loaded.theme.assets {
            if let existing = otherSources[output] {
                run.diagnostics.warning(.outputCollision(output, other: existing), at: SourceLocation(path: source))
            }
            otherSources[output] = source
        }
        let model = SiteModel(config: config, pages: loaded.content.pages, otherOutputs: Set(otherSources.keys))
        run.diagnostics.append(contentsOf: validate(model: model, theme: loaded.theme, otherSources: otherSources))
        var taken = otherSources
        for page in model.pages { taken[page.outputPath] = page.sourcePath }
        let (records, recordDiagnostics) = CollectionPages.plan(config: config, datasets: loaded.datasets, taken: taken)
        run.diagnostics.append(contentsOf: recordDiagnostics)
        for collection in config.collections where !loaded.theme.layouts.contains(collection.layout) {
            run.diagnostics.error(.unknownLayout(collection.layout, known: loaded.theme.layouts), at: collection.location)
        }
        run.diagnostics.append(contentsOf: checkOutputPaths(model: model, records: records, otherSources: otherSources))
        run.clock.lap("validate")
        run.diagnostics.append(contentsOf: checkSymlinks())
        run.clock.lap("symlinks")
        let site = makeRenderable(loaded, model: model, records: records, otherSources: otherSources)
        run.clock.lap("prepare renderer")
        return site
    }

    /// The renderer and the output keys for a model. `renderKeys` are reused when only
    /// page bodies changed (they stand in the keys by their file's text hash).
    func makeRenderable(
        _ loaded: LoadedSite, model: SiteModel, records: [CollectionPages.Entry], otherSources: [String: String], renderKeys: RenderKeys? = nil
    ) -> CheckedSite {
        let renderer = PageRenderer(
            model: model, theme: loaded.theme, datasets: loaded.datasets, records: records, downloads: loaded.openData?.names ?? [],
            histories: recordHistories(loaded), snapshots: loaded.snapshots)
        let renderKeys =
            renderKeys
            ?? RenderKeys(
                configText: Data(loaded.content.configText.utf8), model: model, datasets: loaded.datasets, snapshots: loaded.snapshots,
                otherOutputs: Array(otherSources.keys) + (loaded.openData?.outputPaths ?? []), textHashes: loaded.content.parsedPages.mapValues(\.textHash))
        let theme = loaded.theme
        let layouts = renderer.outputs.indices.map { index in
            let layout = renderer.layoutName(of: index)
            return OutputKeys.Layout(hash: theme.layoutHashes[layout] ?? 0, readsAllData: theme.layoutsReadingData.contains(layout))
        }
        var keys = OutputKeys(
            keys: renderKeys, model: model, records: records, datasets: loaded.datasets,
            layouts: layouts, recordLinks: renderer.recordLinks)
        keys.recordHistories = historyHashes(records, renderer: renderer)
        return CheckedSite(loaded: loaded, model: model, records: records, otherSources: otherSources, renderer: renderer, keys: keys)
    }

    /// Step 3: which outputs to render and which the last build into the same folder left intact.
    func planReuse(_ site: CheckedSite, cache: BuildCache?, run: inout Run) -> ReusePlan {
        let plan = ReusePlan(outputs: site.renderer.outputs, cache: cache, outputFolder: outputFolder, keys: site.keys)
        run.clock.lap("keys and reuse")
        return plan
    }

    /// Pages made without reading their file need their body before rendering. `false`
    /// when a file is not the text its stamp promised (the build is then done again).
    func readBodies(of toRender: [Int], into site: inout CheckedSite, run: inout Run) -> Bool {
        let content = site.loaded.content
        let unread = toRender.filter { $0 < site.model.pages.count && content.unreadBodies.contains(site.model.pages[$0].sourcePath) }
        guard !unread.isEmpty else { return true }
        var pages = site.model.pages
        for index in unread {
            guard let parsed = content.parsedPages[pages[index].sourcePath],
                let body = ContentLoader.readBody(of: pages[index], root: root, parsed: parsed)
            else { return false }
            pages[index].body = body
        }
        let model = SiteModel(config: content.config, pages: pages, otherOutputs: Set(site.otherSources.keys))
        site = makeRenderable(site.loaded, model: model, records: site.records, otherSources: site.otherSources, renderKeys: site.keys.keys)
        run.clock.lap("read \(unread.count) unchanged pages")
        return true
    }

    /// Step 4: the pages to render, on all cores. Render even when something is already
    /// wrong: the pages' own problems (dead links, bad data blocks) are reported in the
    /// same run. With a staging folder, each page is analysed for the output audit,
    /// hashed and written there as soon as it is rendered, and its HTML dropped.
    func render(_ site: CheckedSite, plan: ReusePlan, run: inout Run) -> RenderedPages {
        let toRender = plan.toRender
        let slots = ResultSlots<RenderedPage>(count: toRender.count)
        let stagedSlots = ResultSlots<StagedPage?>(count: toRender.count)
        let counter = ResultSlots<Int>(count: 1)
        counter[0] = 0
        let progress = self.progress
        let renderer = site.renderer
        let (staging, checks) = (self.staging, outputChecks)
        let targets = LinkTargets()
        DispatchQueue.concurrentPerform(iterations: toRender.count) { slot in
            var page = renderer.render(toRender[slot])
            stagedSlots[slot] = staging.map { StagedPage.write(&page, at: renderer.outputs[toRender[slot]], into: $0, checks: checks, targets: targets) }
            slots[slot] = page
            if let progress { progress(counter.increment(0), toRender.count) }
        }
        var rendered = RenderedPages(linkTargets: targets)
        rendered.pages = Dictionary(uniqueKeysWithValues: zip(toRender, slots.values))
        for (index, staged) in zip(toRender, stagedSlots.values) { rendered.staged[index] = staged }
        for index in toRender { run.diagnostics.append(contentsOf: rendered.pages[index]!.diagnostics) }
        for entry in plan.kept.values { run.diagnostics.append(contentsOf: entry.warnings) }
        run.clock.lap("render \(toRender.count) pages")
        return rendered
    }
}

/// The pages rendered by one build, by output index.
struct RenderedPages {
    var pages: [Int: RenderedPage] = [:]
    /// Pages already written into a first build's staging folder (their `html` is empty).
    var staged: [Int: StagedPage] = [:]
    /// The relative link targets of the staged pages, for the output audit.
    var linkTargets = LinkTargets()
}

/// A page written into the staging folder as soon as it was rendered: what the rest of
/// the build needs of its HTML.
struct StagedPage: Sendable {
    var manifestEntry: DeployManifest.Entry
    var analysis: OutputChecker.FileAnalysis

    /// Analyses, hashes and writes `page` at `path`, and empties its HTML.
    static func write(
        _ page: inout RenderedPage, at path: String, into staging: StagingFolder, checks: OutputCheckOptions, targets: LinkTargets
    ) -> StagedPage {
        let html = page.html
        page.html = Data()
        let full = OutputChecker.analyze(path: path, bytes: [UInt8](html), options: checks)
        let analysis = OutputChecker.compactAnalysis(full, path: path, options: checks, targets: targets)
        staging.write(html, at: path)
        return StagedPage(manifestEntry: .init(path: path, size: html.count, sha256: SHA256.hex(html)), analysis: analysis)
    }
}
