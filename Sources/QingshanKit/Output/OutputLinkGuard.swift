import Foundation

/// Refuses to write through a symbolic link: the output folder, its staging, backup and
/// journal siblings, and every folder or file inside the output that a write or removal
/// touches. Qingshan never makes links, so a link there was made by someone else, and
/// writing or pruning through it would change files outside the site (issue 20).
///
/// Checked before anything is written; only the paths this build touches are looked at,
/// so the cost follows the change, not the size of the site.
enum OutputLinkGuard {
    /// The sibling folders Qingshan keeps beside `output` (see `FolderSwap`, `OutputJournal`).
    static func siblings(of output: URL) -> [URL] {
        let parent = output.deletingLastPathComponent()
        return ["new", "old", "journal"].map { parent.appendingPathComponent(".\(output.lastPathComponent).qingshan-\($0)") }
    }

    /// The first link among `output`, its siblings, and the folders and files of `paths`
    /// (relative to `output`), as an error naming it; `nil` when there is none.
    static func check(output: URL, touching paths: some Sequence<String>) -> Diagnostic? {
        for folder in [output] + siblings(of: output) where isLink(folder.path) {
            return .error(.outputThroughLink(folder.path), at: nil)
        }
        var checked: Set<Substring> = []
        for path in paths {
            var end = path.startIndex
            while end < path.endIndex {
                end = path[path.index(after: end)...].firstIndex(of: "/") ?? path.endIndex
                let prefix = path[..<end]
                guard checked.insert(prefix).inserted else { continue }
                let full = output.path + "/" + prefix
                var info = stat()
                // Nothing there: nothing deeper exists either.
                guard lstat(full, &info) == 0 else { break }
                if info.st_mode & S_IFMT == S_IFLNK { return .error(.outputThroughLink(full), at: nil) }
            }
        }
        return nil
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
