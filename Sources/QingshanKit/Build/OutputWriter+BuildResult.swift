public import Foundation

extension OutputWriter {
    /// Writes a successful build into the output folder, then saves its build cache while
    /// the build lock is still held (the cache records the written files' stamps).
    ///
    /// Nothing is written unless the build succeeded, so a failed build leaves the
    /// previous site exactly as it was.
    public func write(_ result: BuildResult) throws -> WriteSummary {
        precondition(result.succeeded, "a failed build is never written")
        if result.isUnchanged {
            try checkOutputFolder()
            return WriteSummary(unchanged: result.keptFiles.count)
        }
        let kept = Set(result.keptFiles)
        return try write(files: result.files, kept: result.keptFiles) {
            try result.cache?.save(root: root, output: output, written: result.files.keys, kept: kept)
        }
    }
}
