/// Decodes the character references that generated HTML uses: numeric ones and the
/// handful of named ones an escaper writes (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`
/// `&nbsp;`). Anything else is kept as written.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"),
                let semicolon = bytes[index..<min(index + 12, bytes.endIndex)].firstIndex(of: UInt8(ascii: ";")),
                let replacement = reference(String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self))
            else {
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: replacement.utf8)
            index = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text for a reference name (`amp`, `#39`, `#x4E2D`), or nil when unknown.
    private static func reference(_ name: String) -> String? {
        if let text = named[name] { return text }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32? =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
