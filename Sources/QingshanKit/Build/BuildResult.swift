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
    /// Pages a first build already wrote into its staging folder (`SiteBuilder.staging`),
    /// with their size and SHA-256; not in `files`.
    public var stagedPages: [DeployManifest.Entry] = []
    /// That staging folder.
    public var staging: StagingFolder? = nil
    /// The build cache to save once `files` are written (see `OutputWriter`).
    public var cache: BuildCache? = nil
    /// Wall time of each phase, in order, and the process's resident memory at its end
    /// (`qingshan build --timings`).
    public var timings: [(phase: String, seconds: Double, residentMiB: Int)] = []
    /// Nothing changed since the previous build into the same folder: there is nothing to write.
    public var isUnchanged = false
    /// What changed in the sources since the build the cache describes ("full build" without one).
    public var sourceChanges = "full build"
    /// The source stamps the build saw, for the next rebuild in the same process.
    var stamps: SourceStamps? = nil

    public var succeeded: Bool { !diagnostics.hasErrors }
}

extension BuildResult {
    /// A build that stopped at an error: nothing to write, every diagnostic so far.
    static func failed(_ diagnostics: Diagnostics) -> BuildResult {
        BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0)
    }

    /// Nothing changed since the build `cache` describes: its files are kept as they are,
    /// and its warnings are shown again (a skipped source is named on every build).
    static func unchanged(keeping cache: BuildCache) -> BuildResult {
        let paths = cache.entries.keys.sorted()
        var result = BuildResult(files: [:], diagnostics: Diagnostics(cache.warnings + paths.flatMap { cache.entries[$0]!.warnings }), renderedPageCount: 0)
        result.keptFiles = paths
        result.isUnchanged = true
        result.sourceChanges = "no source changed"
        return result
    }
}
