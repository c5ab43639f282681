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
///
/// The index builder tokenizes megabytes of text, so the scanner works on UTF-8
/// bytes and builds no `String` per token: a CJK token is a number (one scalar,
/// or two packed as `first << 32 | second`), a word is a slice of a reused byte
/// buffer. Strings are made once per distinct token, when the index is written.
public enum SearchTokenizer {
    /// The tokens of `text`, in order of appearance, repetitions included.
    public static func tokens(in text: String) -> [String] {
        var sink = ListSink()
        var scratch: [UInt8] = []
        scan(text, into: &sink, scratch: &scratch)
        return sink.tokens
    }

    /// The text of a CJK token key: one scalar, or a bigram `first << 32 | second`.
    static func text(ofCJK key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        // Scalars were valid when packed, so unpacking cannot fail.
        if key >> 32 != 0 { scalars.append(Unicode.Scalar(UInt32(key >> 32))!) }
        scalars.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
        return String(scalars)
    }

    /// Receives the tokens of a scan, in order.
    protocol Sink {
        /// A CJK scalar (`value`) or bigram (`first << 32 | second`); never 0.
        mutating func cjk(_ key: UInt64)
        /// A lowercase word's UTF-8 bytes (not empty), valid only during the call.
        mutating func word(_ utf8: UnsafeBufferPointer<UInt8>)
    }

    private struct ListSink: Sink {
        var tokens: [String] = []
        mutating func cjk(_ key: UInt64) { tokens.append(SearchTokenizer.text(ofCJK: key)) }
        mutating func word(_ utf8: UnsafeBufferPointer<UInt8>) { tokens.append(String(decoding: utf8, as: UTF8.self)) }
    }

    /// Feeds `sink` each token of `text` in order. `scratch` holds the current
    /// word; pass the same buffer to every call to reuse its storage.
    static func scan<S: Sink>(_ text: String, into sink: inout S, scratch word: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            word.removeAll(keepingCapacity: true)
            var previousCJK: UInt64 = 0
            var i = 0
            let n = utf8.count

            @inline(__always) func flushWord() {
                guard !word.isEmpty else { return }
                word.withUnsafeBufferPointer { sink.word($0) }
                word.removeAll(keepingCapacity: true)
            }

            while i < n {
                let lead = utf8[i]
                var value: UInt32
                // Strings hold valid UTF-8, so a lead byte tells the length.
                if lead < 0x80 {
                    value = UInt32(lead)
                    i += 1
                } else if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    value =
                        UInt32(lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                        | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                // Folding, as in `folded(_:)`.
                if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }

                if value < 0x80 {
                    let byte = UInt8(value)
                    if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                        previousCJK = 0
                        word.append(byte)
                    } else if byte &- 0x41 < 26 {
                        previousCJK = 0
                        word.append(byte | 0x20)
                    } else {
                        flushWord()
                        previousCJK = 0
                    }
                    continue
                }
                // The URO first: the overwhelmingly common CJK scalars.
                let kind: Kind = (value >= 0x4E00 && value <= 0x9FFF) ? .cjk : Self.kind(ofValue: value)
                switch kind {
                case .cjk:
                    flushWord()
                    let key = UInt64(value)
                    if previousCJK != 0 { sink.cjk(previousCJK << 32 | key) }
                    sink.cjk(key)
                    previousCJK = key
                case .word:
                    previousCJK = 0
                    // Only Latin-1 letters and Latin Extended-A/B are non-ASCII word scalars.
                    word.append(contentsOf: lowercaseUTF8[Int(value) - 0xC0])
                case .separator:
                    flushWord()
                    previousCJK = 0
                }
            }
            flushWord()
        }
    }

    /// The UTF-8 of the lowercase mapping of U+00C0…U+024F (the non-ASCII word
    /// scalars), from the same Unicode properties the tokenizer always used.
    private static let lowercaseUTF8: [[UInt8]] = (0xC0...0x24F).map { value in
        Array(Unicode.Scalar(UInt32(value))!.properties.lowercaseMapping.utf8)
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
        kind(ofValue: scalar.value)
    }

    @inline(__always)
    static func kind(ofValue v: UInt32) -> Kind {
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
}
