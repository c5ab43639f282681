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
