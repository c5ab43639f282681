/// Appends JSON values to a byte buffer, escaped for embedding in a classic script.
///
/// Beyond JSON's own escapes it writes U+2028 and U+2029 as `\u2028`/`\u2029`
/// (line terminators in older JavaScript, and they break a script when the index is
/// inlined) and every `<` as `\u003c`, so neither `</script` nor `<!--` can appear
/// in the output even if the script is placed inside an HTML `<script>` element.
struct JavaScriptWriter {
    private(set) var bytes: [UInt8] = []

    /// The text written so far.
    var result: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserveCapacity(_ more: Int) {
        bytes.reserveCapacity(bytes.count + more)
    }

    /// Appends ASCII syntax as is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a decimal integer.
    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends bytes already written (copied from an earlier index) as they are.
    mutating func raw(bytes more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// Appends one byte as is.
    @inline(__always)
    mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `text` as a double-quoted, escaped string literal.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// Appends valid UTF-8 as a double-quoted, escaped string literal.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var i = 0
        // Bytes that need no escape are copied in runs.
        var run = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
                && byte != 0xE2
            {
                i += 1
                continue
            }
            if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
            switch byte {
            case UInt8(ascii: "\""): escape("\\\"")
            case UInt8(ascii: "\\"): escape("\\\\")
            case UInt8(ascii: "<"): escape("\\u003c")
            case 0x0A: escape("\\n")
            case 0x0D: escape("\\r")
            case 0x09: escape("\\t")
            case 0x00..<0x20: escape(controlEscape(byte))
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escape(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            default: bytes.append(byte)
            }
            i += 1
            run = i
        }
        if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private func controlEscape(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
