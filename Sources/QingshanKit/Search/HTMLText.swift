/// Visible text of rendered HTML, for the search index.
///
/// Not an HTML parser: a single tolerant pass over UTF-8 bytes, fast enough to run
/// on the `<main>` of every page of a 10,000-page site. It drops tags, comments
/// and the content of `script`, `style`, `template` and `svg` (chart markup is
/// axis ticks and coordinates; the data behind a chart is indexed through its
/// table), decodes character references, puts a space where a block element
/// starts or ends (so `<td>达州</td><td>开州</td>` does not read as 达州开州) and
/// collapses whitespace. Inline elements add no space, so `铜<em>钵</em>河` stays 铜钵河.
public enum HTMLText {
    /// The visible text of an HTML fragment, whitespace collapsed and trimmed.
    public static func plainText(fromHTML html: String) -> String {
        var scanner = Scanner(bytes: Array(html.utf8))
        return scanner.run()
    }
}

/// Elements whose content is never shown as text.
private let hiddenElements: Set<ElementName> = Set(["script", "style", "template", "svg"].map { ElementName(Array($0.utf8)[...]) })

/// Elements that break a line (or a table cell) when rendered.
private let blockElements: Set<ElementName> = Set(
    [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    ].map { ElementName(Array($0.utf8)[...]) })

/// A tag name, ASCII-lowercased, packed into two words without allocating: names of
/// up to 16 bytes are exact; longer ones (no element in the sets above) share a key
/// with others of the same first 16 bytes, which only matters if such a name were in
/// a set.
private struct ElementName: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ bytes: ArraySlice<UInt8>) {
        for (offset, byte) in bytes.prefix(16).enumerated() {
            let lowered = UInt64(byte | 0x20)
            if offset < 8 { low |= lowered << (8 * UInt64(offset)) } else { high |= lowered << (8 * UInt64(offset - 8)) }
        }
        if bytes.count > 16 { high |= 1 << 63 }
    }
}

/// Named references worth knowing: what cmark and Mustache emit, plus common typography.
private let namedReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "times": "×",
    "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "copy": "©", "deg": "°",
]

private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var output: [UInt8] = []
    /// A space is owed before the next visible byte (collapsed whitespace).
    var pendingSpace = false

    init(bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count / 2)
    }

    mutating func run() -> String {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): tag()
            case UInt8(ascii: "&"): reference()
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                pendingSpace = true
                index += 1
            default:
                // A run of plain text is copied at once.
                var end = index + 1
                while end < bytes.count, !isSpecial(bytes[end]) { end += 1 }
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: bytes[index..<end])
                index = end
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes that end a run of plain text: markup, references and whitespace.
    private func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingSpace && !output.isEmpty { output.append(0x20) }
        pendingSpace = false
        output.append(byte)
    }

    private mutating func emit(_ text: String) {
        for byte in text.utf8 {
            if byte == 0x20 { pendingSpace = true } else { emit(byte) }
        }
    }

    /// At `<`: a comment, a tag, or a lone `<` that is text.
    private mutating func tag() {
        if starts(with: "<!--") {
            index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
            return
        }
        var cursor = index + 1
        let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
        if closing { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart || (!closing && cursor < bytes.count && bytes[cursor] == UInt8(ascii: "!")) else {
            // `a < b` in text that escaped escaping: keep the `<`.
            emit(bytes[index])
            index += 1
            return
        }
        let name = ElementName(bytes[nameStart..<cursor])  // ASCII lowercase; names are letters and digits
        index = endOfTag(from: cursor)
        if blockElements.contains(name) { pendingSpace = true }
        if !closing, hiddenElements.contains(name) {
            // Skip to the matching close tag; these elements do not nest in practice.
            let close = Array("</".utf8) + bytes[nameStart..<cursor].map { $0 | 0x20 }
            if let end = findCaseInsensitive(close, from: index) {
                index = endOfTag(from: end + close.count)
            } else {
                index = bytes.count
            }
        }
    }

    /// The index after the `>` that ends a tag, respecting quoted attribute values.
    private func endOfTag(from start: Int) -> Int {
        var cursor = start
        var quote: UInt8?
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            }
            cursor += 1
        }
        return bytes.count
    }

    /// At `&`: decode a character reference, or keep the `&` as text.
    private mutating func reference() {
        // References are short; look no further than 32 bytes for the `;`.
        let limit = min(bytes.count, index + 32)
        var semicolon = index + 1
        while semicolon < limit, bytes[semicolon] != UInt8(ascii: ";"), bytes[semicolon] != UInt8(ascii: "&") {
            semicolon += 1
        }
        guard semicolon < limit, bytes[semicolon] == UInt8(ascii: ";") else {
            emit(bytes[index])
            index += 1
            return
        }
        let body = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        var decoded: String?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if body.hasPrefix("#") {
            decoded = UInt32(body.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            decoded = namedReferences[body]
        }
        guard let text = decoded else {
            emit(bytes[index])
            index += 1
            return
        }
        if text == "\u{A0}" || text == "\u{3000}" { pendingSpace = true } else { emit(text) }
        index = semicolon + 1
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "-")
    }

    private func starts(with prefix: String) -> Bool {
        var cursor = index
        for byte in prefix.utf8 {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
        }
        return true
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        findCaseInsensitive(Array(needle.utf8), from: start)
    }

    /// First index of `needle` (ASCII, lowercase) at or after `start`, ignoring ASCII case.
    private func findCaseInsensitive(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var cursor = start
        let last = bytes.count - needle.count
        while cursor <= last {
            if bytes[cursor] == needle[0] {
                var matched = true
                for offset in 1..<needle.count {
                    let byte = bytes[cursor + offset]
                    let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                    if lowered != needle[offset] {
                        matched = false
                        break
                    }
                }
                if matched { return cursor }
            }
            cursor += 1
        }
        return nil
    }
}
