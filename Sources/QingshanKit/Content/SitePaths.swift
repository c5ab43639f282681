/// Paths of output files relative to each other, so every link works from `file://`,
/// under any sub-path and at a domain root.
enum SitePaths {
    /// `"../"` repeated once per folder above `outputPath` (`""` for `index.html`).
    static func root(of outputPath: String) -> String {
        String(repeating: "../", count: outputPath.utf8.count { $0 == UInt8(ascii: "/") })
    }

    /// A link from the page at `from` to the output file `to`.
    /// Always `root(of: from) + to`, so every page at one depth shares its links.
    static func link(from: String, to: String) -> String {
        root(of: from) + to
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Resolves `relative` (which may hold `.` and `..`) against `folder`; `nil` when it
    /// climbs above the top.
    static func resolve(_ relative: String, inFolder folder: String) -> String? {
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
