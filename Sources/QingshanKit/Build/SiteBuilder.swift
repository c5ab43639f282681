public import Foundation

/// The pipeline: load → check sources → plan reuse → render → assemble. Every step
/// collects its diagnostics and goes on where it can, so one run reports every problem.
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
    /// The source stamps, when the caller knows them (`RebuildLoop` updates the last
    /// build's from the watcher's changes); `nil` takes them from the folders.
    var stamps: SourceStamps?
    /// A first build's staging folder (`OutputWriter.beginFirstBuild()`): pages are
    /// written into it as they are rendered, checked and hashed there, and not kept in
    /// memory; `nil` keeps every file in `BuildResult.files`.
    public var staging: StagingFolder?

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// A builder that reuses what the last build into `output` left, when it can. The
    /// cache is read while the source folders are walked for their stamps, on two cores:
    /// one after the other they were a tenth of a one-page edit at N = 10,000. (So the
    /// stamps are those of when the builder was made: build it then.)
    public static func incremental(root: URL, output: URL) -> SiteBuilder {
        var builder = SiteBuilder(root: root)
        builder.outputFolder = output.standardizedFileURL
        let sources = builder.root
        let stamps = ResultSlots<SourceStamps>(count: 1)
        let cache = ResultSlots<BuildCache?>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                stamps[0] = SourceStamps.take(root: sources)
            } else {
                cache[0] = BuildCache.load(root: root, stampsOnly: true)
            }
        }
        builder.previous = cache[0]
        builder.stamps = stamps[0]
        return builder
    }

    public func build() -> BuildResult {
        var clock = PhaseClock()
        let stamps = self.stamps ?? SourceStamps.take(root: root)
        clock.lap("source stamps")
        // Nothing changed since the last build into this folder, and every file it wrote
        // is still as it was: there is nothing to do, and only file stamps were read.
        if let previous, let outputFolder, previous.describesUnchanged(outputFolder: outputFolder, stamps: stamps) {
            var result = BuildResult.unchanged(keeping: previous)
            result.stamps = stamps
            return result
        }
        // There is work: the rest of the cache is read (a damaged rest means a full build).
        let cache = previous?.completed()
        clock.lap("read the rest of the build cache")
        // Pages whose stamps are unchanged are made from the cache without reading their
        // files. If one turns out not to be the text its stamp promised, the build is
        // done again reading every page file (the retry cannot fail that way).
        var result =
            attempt(cache: cache, unchanged: cache.map(stamps.unchangedPages) ?? [:])
            ?? attempt(cache: cache, unchanged: [:])!
        result.timings.insert(contentsOf: clock.laps, at: 0)
        result.cache?.inputs = stamps.folded
        result.cache?.inputsTaken = stamps.taken
        result.cache?.keepSiteWarnings(of: result.diagnostics)
        result.stamps = stamps
        if let cache, outputFolder?.path == cache.outputFolder {
            result.sourceChanges = BuildCache.describeChanges(from: cache.inputs, to: stamps.folded)
        }
        return result
    }

    /// One pass through the pipeline; `nil` when a page file taken as unchanged was not.
    /// - Parameter unchanged: page files not to read (see `ContentLoader.load`).
    private func attempt(cache: BuildCache?, unchanged: [String: Int]) -> BuildResult? {
        var run = Run()
        guard let loaded = load(cache: cache, unchanged: unchanged, run: &run) else { return .failed(run.diagnostics) }
        var site = checkSources(loaded, run: &run)
        let plan = planReuse(site, cache: cache, run: &run)
        guard readBodies(of: plan.toRender, into: &site, run: &run) else { return nil }
        let rendered = render(site, plan: plan, run: &run)
        guard !run.diagnostics.hasErrors, staging?.firstFailure == nil else {
            if let failure = staging?.firstFailure { run.diagnostics.error(.outputWriteFailed(failure), at: nil) }
            return .failed(run.diagnostics)
        }
        return assemble(site, plan: plan, rendered: rendered, cache: cache, run: &run)
    }

    /// Where the search index is written: a classic script that sets a global, so it
    /// loads from `file://` where `fetch` cannot.
    static let searchIndexPath = "search-index.js"
}

extension SiteBuilder {
    /// What one pass carries from step to step besides the site: the diagnostics so far
    /// and the phase clock.
    struct Run {
        var diagnostics = Diagnostics()
        var clock = PhaseClock()
    }

    /// The sources as read: content, theme and data, with what the personal-data scan found.
    struct LoadedSite {
        var content: SiteContent
        var theme: Theme
        var datasets: [String: Dataset]
        var datasetFindings: [String: BuildCache.DatasetFindings]
        /// The datasets published for download (`SiteBuilder+OpenData.swift`).
        var openData: OpenDataPhase? = nil
        /// The data as published before (`content/snapshots/`, `SiteBuilder+Snapshots.swift`).
        var snapshots = SnapshotArchive()
    }

    /// The site ready to render: its model, record pages, other outputs and keys.
    struct CheckedSite {
        var loaded: LoadedSite
        var model: SiteModel
        var records: [CollectionPages.Entry]
        /// Outputs besides pages (static files, theme assets): output path → source path.
        var otherSources: [String: String]
        var renderer: PageRenderer
        var keys: OutputKeys
    }
}
