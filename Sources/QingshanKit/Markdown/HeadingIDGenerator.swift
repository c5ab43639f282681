/// Heading ids that are stable for Chinese headings and unique within a page.
///
/// Chinese text is kept as it is (`## 总体目标` → `总体目标`): HTML5 ids may hold any
/// character but white space, browsers match fragments after percent-decoding, and
/// an id built from the words survives reordering of headings, unlike a counter.
struct HeadingIDGenerator {
    private var taken: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// A unique id for a heading with this text: the slug, then `slug-1`, `slug-2`, ….
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = nextSuffix[base] ?? 1
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        nextSuffix[base] = suffix
        taken.insert(candidate)
        return candidate
    }

    /// Letters and digits of any script, ASCII lowercased; spaces, `-` and `_` become
    /// one `-`; other punctuation and symbols are dropped.
    static func slug(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            // ASCII and the CJK Unified Ideographs, which are most headings here, without
            // the Unicode property tables (a third of rendering a heading).
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                    if pendingDash && !scalars.isEmpty { scalars.append("-") }
                    pendingDash = false
                    scalars.append(Unicode.Scalar(byte &- UInt8(ascii: "A") < 26 ? byte + 32 : byte))
                } else if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                    pendingDash = true
                }
                continue
            }
            if (0x4E00...0x9FFF).contains(scalar.value) {
                if pendingDash && !scalars.isEmpty { scalars.append("-") }
                pendingDash = false
                scalars.append(scalar)
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingDash && !scalars.isEmpty { scalars.append("-") }
                pendingDash = false
                if scalar.isASCII, properties.isUppercase {
                    scalars.append(Unicode.Scalar(scalar.value + 32)!)
                } else {
                    scalars.append(scalar)
                }
            } else if properties.isWhitespace || scalar == "-" || scalar == "_" {
                pendingDash = true
            }
        }
        return scalars.isEmpty ? "section" : String(scalars)
    }
}
