/// A tolerant, byte-level HTML tokenizer for checking output: it yields tags (with their
/// attributes and byte offsets) and the text between them, and never fails.
///
/// It is no HTML parser: it builds no tree and does not repair nesting. It skips comments,
/// doctypes and processing instructions, and treats the contents of `<script>` and
/// `<style>` as raw text (a `<` there starts no tag). Names are lowercased ASCII;
/// attribute values have their character references decoded.
struct HTMLScanner: IteratorProtocol {
    struct Attribute {
        /// Lowercased name.
        var name: String
        /// The decoded value; `nil` for a bare attribute (`<input disabled>`).
        var value: String?
        /// Byte offset of the name.
        var nameOffset: Int
        /// Byte offset of the first byte of the value (after any quote); the name's
        /// offset when there is no value.
        var valueOffset: Int
    }

    struct Tag {
        /// Lowercased name, without `/`.
        var name: String
        var isEnd: Bool
        var attributes: [Attribute]
        /// Byte offset of the `<`.
        var offset: Int

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
        func value(_ name: String) -> String? { attribute(name)?.value }
    }

    enum Token {
        case tag(Tag)
        /// Text between tags, as a byte range; character references are not yet decoded.
        case text(Range<Int>)
        /// The contents of a `<script>` or `<style>` element.
        case rawText(Range<Int>)
    }

    let bytes: [UInt8]
    private var position = 0
    /// Set after `<script>` or `<style>`: the end tag that closes the raw text.
    private var rawTextElement: [UInt8]?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        guard position < bytes.count else { return nil }
        if let element = rawTextElement {
            rawTextElement = nil
            let start = position
            let end = find(closingTag: element, from: start)
            position = end
            if end > start { return .rawText(start..<end) }
        }
        while position < bytes.count {
            let start = position
            if bytes[position] == UInt8(ascii: "<"), let token = markup() {
                return token
            }
            if position != start { continue }  // skipped a comment or doctype
            // Text runs to the next `<` that could start markup.
            position += 1
            while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
            return .text(start..<position)
        }
        return nil
    }

    /// At a `<`: a tag (returned), a comment or declaration (skipped; `position` moves on),
    /// or a lone `<` (nil, `position` unchanged, the caller takes it as text).
    private mutating func markup() -> Token? {
        let start = position
        let next = byte(at: start + 1)
        if next == UInt8(ascii: "!") {
            if starts(with: "<!--", at: start) {
                position = find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
            } else {
                position = find(">", from: start + 2).map { $0 + 1 } ?? bytes.count
            }
            return nil
        }
        if next == UInt8(ascii: "?") {
            position = find(">", from: start + 2).map { $0 + 1 } ?? bytes.count
            return nil
        }
        let isEnd = next == UInt8(ascii: "/")
        let nameStart = isEnd ? start + 2 : start + 1
        guard let first = byte(at: nameStart), isLetter(first) else { return nil }
        var index = nameStart
        while let b = byte(at: index), !isSpace(b), b != UInt8(ascii: ">"), b != UInt8(ascii: "/") { index += 1 }
        let name = lowercased(nameStart..<index)
        var attributes: [Attribute] = []
        // Attributes: name, optional `= value`; `/` and stray quotes between them are skipped.
        while let b = byte(at: index) {
            if b == UInt8(ascii: ">") {
                index += 1
                break
            }
            if isSpace(b) || b == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let attributeStart = index
            while let c = byte(at: index), !isSpace(c), c != UInt8(ascii: ">"), c != UInt8(ascii: "="),
                c != UInt8(ascii: "/") || index == attributeStart
            {
                index += 1
            }
            var attribute = Attribute(
                name: lowercased(attributeStart..<index), value: nil, nameOffset: attributeStart, valueOffset: attributeStart)
            var look = index
            while let c = byte(at: look), isSpace(c) { look += 1 }
            if byte(at: look) == UInt8(ascii: "=") {
                look += 1
                while let c = byte(at: look), isSpace(c) { look += 1 }
                if let quote = byte(at: look), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = look + 1
                    let valueEnd = find(quote, from: valueStart) ?? bytes.count
                    attribute.value = HTMLEntities.decode(bytes[valueStart..<valueEnd])
                    attribute.valueOffset = valueStart
                    index = min(valueEnd + 1, bytes.count)
                } else {
                    let valueStart = look
                    while let c = byte(at: look), !isSpace(c), c != UInt8(ascii: ">") { look += 1 }
                    attribute.value = HTMLEntities.decode(bytes[valueStart..<look])
                    attribute.valueOffset = valueStart
                    index = look
                }
            }
            if !attribute.name.isEmpty { attributes.append(attribute) }
        }
        position = index
        if !isEnd && (name == "script" || name == "style") {
            rawTextElement = Array("</\(name)".utf8)
        }
        return .tag(Tag(name: name, isEnd: isEnd, attributes: attributes, offset: start))
    }

    // MARK: Byte helpers

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    private func lowercased(_ range: Range<Int>) -> String {
        // Generated HTML is nearly always lowercase already: decode the bytes as they are.
        if !bytes[range].contains(where: { $0 &- 0x41 < 26 }) { return String(decoding: bytes[range], as: UTF8.self) }
        return String(decoding: bytes[range].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private func starts(with literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == literal.utf8Start[0] && starts(with: literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The offset of `</script` (any case) at or after `start`, or the end of the input.
    private func find(closingTag: [UInt8], from start: Int) -> Int {
        var index = start
        while index + closingTag.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "/") {
                var matches = true
                for k in 2..<closingTag.count where bytes[index + k] | 0x20 != closingTag[k] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return bytes.count
    }
}
