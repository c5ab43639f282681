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
        // Split on bytes: `#` and `?` are ASCII, so their UTF-8 positions are scalar boundaries.
        var path = url.utf8[...]
        var fragment: String?
        if let hash = path.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(Substring(path[path.index(after: hash)...]))
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: UInt8(ascii: "?")) { path = path[..<query] }
        self = .relative(path: String(Substring(path)), fragment: fragment)
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
        if path.isEmpty { return (file, false) }
        // One pass over UTF-8 bytes into one buffer: `/` and `.` are ASCII, and splitting
        // into Strings was most of checking the links of a large site.
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var target: [UInt8] = []
        // Components of `target`: the folders of `file` (one per `/` in it), then the path's.
        var depth = 0
        let fileBytes = file.utf8
        if let lastSlash = fileBytes.lastIndex(of: slash) {
            target.append(contentsOf: fileBytes[..<lastSlash])
            depth = fileBytes.count { $0 == slash }
        }
        let decoded = Array(percentDecoded(path).utf8)
        var isFolder = false
        var start = 0
        while start <= decoded.count {
            var end = start
            while end < decoded.count, decoded[end] != slash { end += 1 }
            let isLast = end == decoded.count
            let length = end - start
            if length == 0 || (length == 1 && decoded[start] == dot) {
                isFolder = isLast
            } else if length == 2 && decoded[start] == dot && decoded[start + 1] == dot {
                guard depth > 0 else { return nil }
                if let cut = target.lastIndex(of: slash), depth > 1 { target.removeSubrange(cut...) } else { target.removeAll() }
                depth -= 1
                isFolder = isLast
            } else {
                if depth > 0 { target.append(slash) }
                target.append(contentsOf: decoded[start..<end])
                depth += 1
            }
            start = end + 1
        }
        return (String(decoding: target, as: UTF8.self), isFolder)
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

extension String {
    /// Without leading and trailing ASCII whitespace (what HTML strips from URL attributes).
    func trimmingASCIISpaces() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
