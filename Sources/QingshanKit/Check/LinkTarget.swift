/// What a URL in the output points at, as far as the offline site is concerned.
enum LinkTarget: Equatable {
    /// `https://…`, `//cdn…`: another host.
    case external
    /// `/assets/x.css` or `file:///…`: breaks under a sub-path and when opened from a folder.
    case absoluteLocal
    /// `mailto:`, `tel:`, `data:`, `javascript:` and other schemes the checker leaves alone.
    case other
    /// A path relative to the referring file (possibly empty: the file itself), with its
    /// fragment if any. Both are still percent-encoded.
    case relative(path: String, fragment: String?)

    init(_ raw: String) {
        let url = raw.trimmingASCIISpaces()
        if url.hasPrefix("//") || url.hasPrefix("\\\\") {
            self = .external
            return
        }
        if url.hasPrefix("/") || url.hasPrefix("\\") {
            self = .absoluteLocal
            return
        }
        if let scheme = Self.scheme(of: url) {
            switch scheme {
            case "http", "https", "ftp", "ws", "wss": self = .external
            case "file": self = .absoluteLocal
            default: self = .other
            }
            return
        }
        var path = Substring(url)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        self = .relative(path: String(path), fragment: fragment)
    }

    /// The lowercased scheme, when `url` starts with one (`https:`); a Windows drive
    /// (`C:\…`) counts as `file`.
    private static func scheme(of url: String) -> String? {
        var length = 0
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") {
                guard length > 0 else { return nil }
                return length == 1 ? "file" : String(decoding: url.utf8.prefix(length).map { $0 | 0x20 }, as: UTF8.self)
            }
            let isLetter = (byte | 0x20) &- 0x61 < 26
            let isOther = byte &- 0x30 < 10 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (length > 0 && isOther) else { return nil }
            length += 1
        }
        return nil
    }

    /// Resolves a relative `path` against the file `from` (output-relative).
    /// Returns the output-relative target, whether it names a folder (`goals/`, `.`, `..`),
    /// or nil when it climbs above the output folder.
    static func resolve(_ path: String, from file: String) -> (path: String, isFolder: Bool)? {
        var components = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        if path.isEmpty { return (file, false) }
        let decoded = percentDecoded(path)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        var isFolder = false
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                isFolder = isLast
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
                isFolder = isLast
            case "":
                isFolder = isLast
            default:
                components.append(String(segment))
            }
        }
        return (components.joined(separator: "/"), isFolder)
    }

    /// `%E7%9B%AE%E6%A0%87` → `目标`; a malformed escape is kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing ASCII whitespace (what HTML strips from URL attributes).
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
