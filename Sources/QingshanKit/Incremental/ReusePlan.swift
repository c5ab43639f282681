import Foundation

/// Which outputs a build renders, and which it keeps as the last build into the same
/// folder left them.
struct ReusePlan: Sendable {
    /// Kept outputs by index, with their cache entries.
    var kept: [Int: BuildCache.Entry] = [:]
    /// Indexes of the outputs to render, ascending.
    var toRender: [Int] = []

    /// An output is kept when its key is unchanged, its search postings are in the cache
    /// (the page's text is not), and its file is as it was written. Without a cache for
    /// `outputFolder`, everything is rendered.
    init(outputs: [String], cache: BuildCache?, outputFolder: URL?, keys: OutputKeys) {
        if let cache, let path = outputFolder?.path, path == cache.outputFolder, let folder = StampedFolder(path: path) {
            for (index, output) in outputs.enumerated() {
                guard let entry = cache.entries[output], entry.key == keys.key(index, datasetsUsed: entry.datasetsUsed),
                    entry.search.map({ cache.searchTokens.documents[$0.key] != nil }) ?? true,
                    folder.stamp(output) == entry.stamp
                else { continue }
                kept[index] = entry
            }
        }
        toRender = outputs.indices.filter { kept[$0] == nil }
    }
}
