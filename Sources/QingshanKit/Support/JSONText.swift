/// JSON text written by hand where the bytes must be stable (the deploy manifest, snapshot
/// files): one string literal, as RFC 8259 § 7 allows and JavaScript can embed.
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, and
    /// U+2028/U+2029 too (JavaScript before ES2019 ended a line there); the rest as is.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
