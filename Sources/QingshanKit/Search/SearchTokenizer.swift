/// Splits text into search tokens without a dictionary.
///
/// Village, river and agency names (铜钵河, 农业发展银行) are in no dictionary, so
/// CJK text is indexed as every single character plus every overlapping
/// character bigram; a query then matches when its bigrams do. The browser runs
/// the very same algorithm (`site-templates/default/assets/search.js`); the two
/// are held together by `Tests/QingshanKitTests/Fixtures/search/tokenizer-vectors.json`.
///
/// The rules, applied scalar by scalar:
/// - full-width ASCII forms U+FF01–FF5E fold to U+0021–007E, U+3000 to a space;
/// - Latin letters lowercase;
/// - a run of CJK scalars (Han, kana, hangul) yields, for each scalar, the bigram
///   it closes with the previous scalar (if any) and then the scalar itself:
///   `铜钵河` → `铜`, `铜钵`, `钵`, `钵河`, `河`;
/// - a run of Latin letters and ASCII digits yields one lowercase word
///   (`ADBC123` → `adbc123`); CJK next to Latin ends the run (`ADBC贷款` →
///   `adbc`, `贷`, `贷款`, `款`);
/// - everything else (punctuation, CJK punctuation 、，。《》“”（）, symbols,
///   emoji, spaces) separates tokens and is dropped.
public enum SearchTokenizer {
    /// The tokens of `text`, in order of appearance, repetitions included.
    public static func tokens(in text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(in: text) { tokens.append($0.text) }
        return tokens
    }

    /// A token in a form that is cheap to hash: the index builder counts millions.
    enum Token: Hashable {
        /// One CJK scalar (`value`), or a bigram (`first << 32 | second`).
        case cjk(UInt64)
        /// A lowercase word.
        case word(String)

        var text: String {
            switch self {
            case .word(let word):
                return word
            case .cjk(let key):
                var scalars = String.UnicodeScalarView()
                // Scalars were valid when packed, so unpacking cannot fail.
                if key >> 32 != 0 { scalars.append(Unicode.Scalar(UInt32(key >> 32))!) }
                scalars.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
                return String(scalars)
            }
        }
    }

    /// Calls `body` with each token of `text` in order, without building strings
    /// for CJK tokens.
    static func forEachToken(in text: String, _ body: (Token) -> Void) {
        var word = String.UnicodeScalarView()
        var previousCJK: UInt64 = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            body(.word(String(word)))
            word = String.UnicodeScalarView()
        }

        for raw in text.unicodeScalars {
            let scalar = folded(raw)
            switch kind(of: scalar) {
            case .cjk:
                flushWord()
                let value = UInt64(scalar.value)
                if previousCJK != 0 { body(.cjk(previousCJK << 32 | value)) }
                body(.cjk(value))
                previousCJK = value
            case .word:
                previousCJK = 0
                appendLowercased(scalar, to: &word)
            case .separator:
                flushWord()
                previousCJK = 0
            }
        }
        flushWord()
    }

    enum Kind { case cjk, word, separator }

    /// Full-width ASCII forms to ASCII, the ideographic space to a space.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: " "
        default: scalar
        }
    }

    /// The class of an already folded scalar. Ranges are written out (not taken
    /// from Unicode properties) so Swift and JavaScript agree whatever Unicode
    /// version either runtime ships.
    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .separator
            }
        }
        switch v {
        // Latin-1 letters (not × U+00D7 and ÷ U+00F7), Latin Extended-A and -B.
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .word
        // 々 iteration mark and 〇 Chinese zero, which occur in names.
        case 0x3005, 0x3007: return .cjk
        // Hiragana, katakana (not the middle dot ・ U+30FB).
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF: return .cjk
        // Hangul jamo and syllables.
        case 0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3: return .cjk
        // CJK ideographs: Extension A, URO, compatibility, Extensions B–H.
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return .cjk
        default: return .separator
        }
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        let v = scalar.value
        if v < 0x80 {
            // ASCII fast path: the overwhelmingly common case.
            word.append((0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
        } else {
            word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }
}
