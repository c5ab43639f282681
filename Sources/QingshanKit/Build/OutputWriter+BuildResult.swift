import Foundation

extension OutputWriter {
    /// Writes a successful build into the output folder, then saves its build cache while
    /// the build lock is still held (the cache records the written files' stamps).
    ///
    /// Nothing is written unless the build succeeded, so a failed build leaves the
    /// previous site exactly as it was.
    public func write(_ result: BuildResult) throws -> WriteSummary {
        try write(result, savingCache: true).summary
    }

    /// Writes a successful build (see `write(_:)`) and returns the build cache that
    /// describes the output folder now, for the next build to start from in memory;
    /// `nil` when the build had nothing to write (the previous cache still holds).
    /// - Parameter savingCache: also save it to `.qingshan/cache.bin` while the build lock
    ///   is held; without it, the caller saves it later (`BuildCache.save(root:)`).
    func write(_ result: BuildResult, savingCache: Bool) throws -> (summary: WriteSummary, cache: BuildCache?) {
        precondition(result.succeeded, "a failed build is never written")
        if result.isUnchanged {
            try checkOutputFolder()
            return (WriteSummary(unchanged: result.keptFiles.count), nil)
        }
        let kept = Set(result.keptFiles)
        var recorded: BuildCache?
        let record = {
            recorded = result.cache?.recording(output: output, written: Array(result.files.keys) + result.stagedPages.map(\.path), kept: kept)
            if savingCache { try recorded?.save(root: root) }
        }
        let summary =
            if let staging = result.staging {
                try write(files: result.files, staged: result.stagedPages, staging: staging, whileLocked: record)
            } else {
                try write(files: result.files, kept: result.keptFiles, whileLocked: record)
            }
        return (summary, recorded)
    }
}
