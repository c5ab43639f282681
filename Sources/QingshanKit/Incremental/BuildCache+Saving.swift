import Foundation

extension BuildCache {
    /// Saves the cache of a build just written into `output` (see `recording`).
    func save(root: URL, output: URL, written: some Sequence<String>, kept: Set<String>) throws {
        try recording(output: output, written: written, kept: kept).save(root: root)
    }

    /// The cache of a build just written into `output`: each page file is recorded as it
    /// is now, so the next build can trust it unread, and every other written file by its
    /// stamp. Kept pages were found with their recorded stamps by this build and not
    /// written since. A page whose file is gone is forgotten. Reads only the stamps of
    /// the files written.
    func recording(output: URL, written: some Sequence<String>, kept: Set<String>) -> BuildCache {
        var cache = self
        cache.outputFolder = output.path
        let folder = output.path
        for (path, entry) in cache.entries where !kept.contains(path) {
            var updated = entry
            guard let stamp = FileStamp(atPath: folder + "/" + path) else {
                cache.entries[path] = nil
                continue
            }
            updated.stamp = stamp
            cache.entries[path] = updated
        }
        for path in written where cache.entries[path] == nil {
            cache.others[path] = FileStamp(atPath: folder + "/" + path)?.folded
        }
        return cache
    }

    /// Writes this cache to `.qingshan/cache.bin`, replacing the file atomically.
    func save(root: URL) throws {
        try FileBytes.write(encodedBytes(), to: Self.url(root: root))
    }
}
