import Foundation

/// Output paths that would break on another machine: the site is copied to Windows
/// and macOS machines and USB sticks, whose file systems ignore case, normalise
/// Unicode and reserve some names and characters.
enum OutputPathRules {
    /// Errors for outputs (path → where it comes from) that collide or cannot be stored.
    static func check(outputs: [String: SourceLocation]) -> [Diagnostic] {
        // The paths are sorted (for the order of the messages and which of two colliding
        // paths is named first) only when a pass in any order found a problem: sorting
        // was half of this check at N = 10,000, and most builds have none.
        guard !findings(outputs, count: outputs.count).isEmpty else { return [] }
        return findings(outputs.sorted { $0.key < $1.key }, count: outputs.count)
    }

    /// The errors for `count` outputs (path → where it comes from), in their order.
    private static func findings(
        _ outputs: some Sequence<(key: String, value: SourceLocation)>, count: Int
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        seen.reserveCapacity(count)
        for (path, location) in outputs {
            if let reason = problem(with: path) {
                diagnostics.append(.error(.reservedOutputName(path, reason: reason), at: location))
            }
            if let overlong = FileNameRules.overlongName(in: path) {
                diagnostics.append(.error(.outputNameTooLong(String(overlong.name), bytes: overlong.bytes), at: location))
            }
            let key = folded(path)
            if let other = seen[key] {
                diagnostics.append(.error(.outputsCollide(path, other: other), at: location))
            } else {
                seen[key] = path
            }
        }
        return diagnostics
    }

    /// The path as a file system that ignores case and Unicode form sees it.
    static func folded(_ path: String) -> String {
        // ASCII is its own canonical composition, and Foundation's is slow: a rebuild
        // checks every output path.
        path.utf8.allSatisfy({ $0 < 0x80 }) ? path.lowercased() : path.precomposedStringWithCanonicalMapping.lowercased()
    }

    static func problem(with path: String) -> String? {
        // Every build checks every output path; most are plain ASCII with no problem.
        if isPlainASCII(path) { return nil }
        for component in path.split(separator: "/") {
            if let reason = FileNameRules.windowsProblem(component) { return reason }
        }
        return nil
    }

    /// Whether `path` is ASCII and passes every rule of `problem(with:)`, decided on its
    /// bytes; `false` means "look closer", not "has a problem".
    static func isPlainASCII(_ path: String) -> Bool {
        var component: [UInt8] = []
        component.reserveCapacity(32)
        func componentPasses() -> Bool {
            guard let last = component.last else { return true }
            if last == UInt8(ascii: ".") || last == UInt8(ascii: " ") { return false }
            // The stem as `split(separator: ".", maxSplits: 1).first`: the first run
            // between dots. Reserved names have three or four characters.
            let stem = component.drop { $0 == UInt8(ascii: ".") }.prefix { $0 != UInt8(ascii: ".") }
            guard (3...4).contains(stem.count) else { return true }
            return !FileNameRules.reservedNames.contains(String(decoding: stem.map { $0 | ($0 &- 0x41 < 26 ? 0x20 : 0) }, as: UTF8.self))
        }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard componentPasses() else { return false }
                component.removeAll(keepingCapacity: true)
                continue
            }
            guard byte >= 0x20, byte < 0x80, !reservedBytes.contains(byte) else { return false }
            component.append(byte)
        }
        return componentPasses()
    }

    private static let reservedBytes: [UInt8] = Array("<>:\"|?*\\".utf8)
}
