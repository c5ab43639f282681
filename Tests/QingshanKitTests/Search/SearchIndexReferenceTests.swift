import Foundation
import Testing

@testable import QingshanKit

/// The optimised index builder must write exactly the bytes of the straightforward
/// one. `ReferenceSearchIndex` below is the builder as it was before the work on
/// issue 8's profile (serial, one `Token` enum value per hit, `String` per word),
/// kept verbatim as the specification; the tests compare both on generated sites.
@Suite struct SearchIndexReferenceTests {
    @Test func generatedSiteGivesTheReferenceBytes() {
        let documents = GeneratedDocuments.make(count: 300, seed: 8)
        let expected = ReferenceSearchIndex.javaScript(for: documents)
        let index = SearchIndex(documents: documents)
        #expect(index.javaScript == expected)
        #expect(index.tokenCount == ReferenceSearchIndex.tokenCount(for: documents))
    }

    @Test(arguments: [0, 1, 2, 3, 7, 64, 65])
    func smallSitesGiveTheReferenceBytes(count: Int) {
        let documents = GeneratedDocuments.make(count: count, seed: UInt64(count) &+ 99)
        #expect(SearchIndex(documents: documents).javaScript == ReferenceSearchIndex.javaScript(for: documents))
    }

    /// Rebuilds reuse the postings of unchanged documents (`SearchTokenCache`, kept in
    /// the build cache): after any edit — documents changed, added, removed, moved — and
    /// the cache's trip through its encoding, the bytes are still the reference's.
    @Test(arguments: [1, 2, 3])
    func indexesBuiltFromACacheGiveTheReferenceBytes(seed: UInt64) throws {
        var rng = GeneratedDocuments.SplitMix64(state: seed)
        var documents = GeneratedDocuments.make(count: 40, seed: seed &+ 500)
        var cache = SearchTokenCache()
        var last: Data?
        for step in 0..<12 {
            let entries = documents.map { SearchEntry($0) }
            let fresh = Dictionary(zip(entries.map(\.key), documents), uniquingKeysWith: { a, _ in a })
                .filter { cache.documents[$0.key] == nil }
            // Patched from the last script when the count is unchanged (a document edited,
            // or all reversed), else made whole.
            let file = last
            let index = SearchIndex(entries: entries, documents: fresh, cache: &cache, lastFile: { file })
            last = index.data
            #expect(index.javaScript == ReferenceSearchIndex.javaScript(for: documents), "step \(step)")
            #expect(index.tokenCount == ReferenceSearchIndex.tokenCount(for: documents))
            #expect(cache.documents.count == Set(documents.map(SearchTokenCache.key(of:))).count)
            var writer = BinaryWriter()
            cache.write(to: &writer)
            var reader = BinaryReader(writer.data)
            cache = try #require(SearchTokenCache.read(from: &reader))
            #expect(reader.isAtEnd)

            let other = GeneratedDocuments.make(count: 3, seed: rng.next())
            let target = documents.isEmpty ? 0 : Int(rng.next() % UInt64(documents.count))
            switch rng.next() % 5 {
            case 0 where !documents.isEmpty: documents[target].text += " " + other[0].text
            case 1: documents.insert(other[1], at: min(target, documents.count))
            case 2 where !documents.isEmpty: documents.remove(at: target)
            case 3: documents.reverse()
            default: documents.append(other[2])
            }
        }
    }

    @Test func aDamagedTokenCacheIsRefused() {
        var cache = SearchTokenCache()
        let documents = GeneratedDocuments.make(count: 5, seed: 1)
        _ = SearchIndex(
            entries: documents.map { SearchEntry($0) }, documents: Dictionary(documents.map { (SearchTokenCache.key(of: $0), $0) }, uniquingKeysWith: { a, _ in a }), cache: &cache,
            lastFile: { nil })
        var writer = BinaryWriter()
        cache.write(to: &writer)
        let bytes = [UInt8](writer.data)
        var reader = BinaryReader(writer.data)
        #expect(SearchTokenCache.read(from: &reader) != nil)
        // Every truncation is refused, never trapped on.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            var reader = BinaryReader(Data(bytes[..<length]))
            #expect(SearchTokenCache.read(from: &reader) == nil)
        }
        // The same token twice, or a word whose tag does not match its bytes.
        #expect(TokenTable(tags: [0x4E00, 0x4E00], wordLengths: [0, 0], arena: []) == nil)
        #expect(TokenTable(tags: [TokenTable.wordBit | 1], wordLengths: [2], arena: Array("ab".utf8)) == nil)
        #expect(TokenTable(tags: [0x4E00], wordLengths: [0], arena: []) != nil)
    }

    @Test func sharedFixtureDocumentsGiveTheReferenceBytes() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search")
        let data = try Data(contentsOf: folder.appendingPathComponent("sample-documents.json"))
        struct Document: Decodable { var url, title, section, text: String }
        let documents = try JSONDecoder().decode([Document].self, from: data)
            .map { SearchDocument(url: $0.url, title: $0.title, section: $0.section, text: $0.text) }
        #expect(SearchIndex(documents: documents).javaScript == ReferenceSearchIndex.javaScript(for: documents))
    }

    @Test func tokenizerAgreesWithTheReferenceOnEdgeCases() {
        for text in GeneratedDocuments.edgeCases + GeneratedDocuments.make(count: 40, seed: 3).map(\.text) {
            #expect(SearchTokenizer.tokens(in: text) == ReferenceSearchIndex.tokens(in: text), "\(text)")
        }
    }
}

/// Deterministic pseudo-random documents mixing everything the tokenizer treats
/// differently: CJK runs (BMP, Extension B, kana, hangul, 々 〇), ASCII and Latin-1
/// words with case, letters whose lowercase is longer (İ), full-width forms, U+3000,
/// emoji with modifiers, line separators, control characters, quotes, `<`.
enum GeneratedDocuments {
    static let edgeCases: [String] = [
        "", " ", "河", "İSTANBUL İzmir", "ÀÉÎÕÜ àéîõü ÆØÅ ẞ ß Ǆ ǅ ǆ ȀȁȂ", "×÷", "a×b÷c",
        "Ｗａｎ　Ｄａ", "ＡＤＢＣ１２３", "ＡＤＢＣ贷款５０.６亿元", "𠀀𠀁𪜀 𠀀河𠀁", "ひらがなカタカナ・テスト", "한국어 ㄱㄴ ᄀᄁ",
        "々〇々", "河长制👍🏽✅水质", "行\u{2028}分\u{2029}段", "\u{1}\u{7F}\u{80}\u{9F}", "a\u{301}b", "e\u{0301}",
        "\u{FF01}\u{FF5E}\u{FF5F}\u{FF00}", "abc\u{3000}def", "MiXeD123ÀbÇ贷款X", "\u{10FFFF}\u{E000}\u{D7A3}\u{D7A4}\u{AC00}",
        "\u{3134F}\u{31350}\u{2FFFF}\u{20000}", "Ŀŀ ŉ Ÿ ſ ǰ", String(repeating: "长", count: 300),
        String(repeating: "word ", count: 70), "a", "A", "0",
    ]

    static let han = Array("生态环境协同发展联防联控跨界流域水质监测大气污染示范区建设农村环境整治项目资金督导帮扶铜钵河达州开江万州区的和与推进")
    static let latin = [
        "the", "River", "BASIN", "monitoring", "Station", "pm25", "COD", "nh3", "AQI", "Québec",
        "Ærø", "İzmir", "straße", "ÉCOLE", "x", "ǅemal", "Ōsaka", "abc123def",
    ]
    static let other = [
        "、", "，", "。", "《", "》", "“", "”", "（", "）", " ", "  ", "\n", "\t", ".", ",", "-", "<", "\"",
        "\\", "👍🏽", "✅", "\u{2028}", "\u{1}", "　", "ＡＢＣ", "１２", "𠀀𠀁", "ひらがな", "カタ・カナ",
        "한국", "々", "〇", "×", "\u{301}", "\u{FEFF}", "\u{10FFFF}", "50.6", "±",
    ]

    static func make(count: Int, seed: UInt64) -> [SearchDocument] {
        var rng = SplitMix64(state: seed)
        let sections = ["", "水环境", "投融资", "Reports 监测报告", "news", "生态环境", "Ǆ区"]
        return (0..<count).map { i in
            let title = phrase(&rng, pieces: Int(rng.next() % 5))
            var text = ""
            let pieces = Int(rng.next() % 400)
            if rng.next() % 3 == 0 { text = title + " " }
            for _ in 0..<pieces {
                switch rng.next() % 10 {
                case 0...4: text += String(han[Int(rng.next() % UInt64(han.count))])
                case 5...6: text += " " + latin[Int(rng.next() % UInt64(latin.count))]
                case 7: text += edgeCases[Int(rng.next() % UInt64(edgeCases.count))].prefix(20)
                default: text += other[Int(rng.next() % UInt64(other.count))]
                }
            }
            return SearchDocument(
                url: "p-\(i)/index.html", title: title,
                section: sections[Int(rng.next() % UInt64(sections.count))], text: text)
        }
    }

    static func phrase(_ rng: inout SplitMix64, pieces: Int) -> String {
        var text = ""
        for _ in 0..<pieces {
            text +=
                rng.next() % 2 == 0
                ? String(han[Int(rng.next() % UInt64(han.count))]) + String(han[Int(rng.next() % UInt64(han.count))])
                : latin[Int(rng.next() % UInt64(latin.count))] + " "
        }
        return text
    }

    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// The search index builder before optimisation, kept verbatim (tokenizer, postings,
/// writer) as the reference the optimised builder must match byte for byte.
private enum ReferenceSearchIndex {
    static func javaScript(for documents: [SearchDocument], storedTextLength: Int = 160) -> String {
        let sections = Array(Set(documents.map(\.section))).sorted(by: utf8Order)
        let sectionIndex = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1, $0) })
        let postings = postings(of: documents)

        var writer = Writer()
        writer.raw("window.QINGSHAN_SEARCH_INDEX = {\"v\":1,\"sections\":[")
        for (i, section) in sections.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.string(section)
        }
        writer.raw("],\"docs\":[")
        for (i, document) in documents.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("[")
            writer.string(document.url)
            writer.raw(",")
            writer.string(document.title)
            writer.raw(",")
            writer.integer(sectionIndex[document.section] ?? 0)
            writer.raw(",")
            writer.string(storedText(of: document, length: storedTextLength))
            writer.raw("]")
        }
        writer.raw("],\"tokens\":{")
        var group: Unicode.Scalar?
        for entry in postings {
            let first = entry.token.unicodeScalars.first!
            if first != group {
                writer.raw(group == nil ? "" : "},")
                writer.string(String(first))
                writer.raw(":{")
                group = first
            } else {
                writer.raw(",")
            }
            writer.string(String(entry.token.unicodeScalars.dropFirst()))
            writer.raw(":")
            writer.string(encoded(entry.postings))
        }
        writer.raw(group == nil ? "" : "}")
        writer.raw("}};\n")
        return writer.result
    }

    static func tokenCount(for documents: [SearchDocument]) -> Int { postings(of: documents).count }

    static func storedText(of document: SearchDocument, length: Int) -> String {
        var text = Substring(document.text)
        if !document.title.isEmpty, text.hasPrefix(document.title) {
            text = text.dropFirst(document.title.count).drop(while: { $0 == " " })
        }
        let scalars = text.unicodeScalars
        guard scalars.count > length else { return String(text) }
        let end = scalars.index(scalars.startIndex, offsetBy: max(length, 0))
        return String(scalars[scalars.startIndex..<end])
    }

    static func utf8Order(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: Postings

    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    struct Posting {
        var document: Int
        var level: Int
    }

    static func postings(of documents: [SearchDocument]) -> [(token: String, postings: [Posting])] {
        var table: [Token: [Posting]] = [:]
        var hits: [Token: Int] = [:]
        var titleTokens: Set<Token> = []
        for (index, document) in documents.enumerated() {
            hits.removeAll(keepingCapacity: true)
            titleTokens.removeAll(keepingCapacity: true)
            forEachToken(in: document.text) { hits[$0, default: 0] += 1 }
            forEachToken(in: document.section) { hits[$0, default: 0] += 1 }
            forEachToken(in: document.title) { titleTokens.insert($0) }
            for token in titleTokens where hits[token] == nil { hits[token] = 0 }
            for (token, count) in hits {
                let level = (titleTokens.contains(token) ? 4 : 0) + hitClass(count)
                table[token, default: []].append(Posting(document: index, level: level))
            }
        }
        return table.map { (token: $0.key.text, postings: $0.value) }.sorted { utf8Order($0.token, $1.token) }
    }

    static func hitClass(_ count: Int) -> Int {
        switch count {
        case ...1: 0
        case 2: 1
        case 3...5: 2
        default: 3
        }
    }

    static func encoded(_ postings: [Posting]) -> String {
        var bytes: [UInt8] = []
        var previous = 0
        for posting in postings {
            appendNumber((posting.document - previous) * 8 + posting.level, to: &bytes)
            previous = posting.document
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var digits: [Int] = [value % 32]
        var rest = value / 32
        while rest > 0 {
            digits.append(rest % 32)
            rest /= 32
        }
        for (i, digit) in digits.reversed().enumerated() {
            bytes.append(alphabet[i == digits.count - 1 ? digit : digit + 32])
        }
    }

    // MARK: Tokenizer

    static func tokens(in text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(in: text) { tokens.append($0.text) }
        return tokens
    }

    enum Token: Hashable {
        case cjk(UInt64)
        case word(String)

        var text: String {
            switch self {
            case .word(let word):
                return word
            case .cjk(let key):
                var scalars = String.UnicodeScalarView()
                if key >> 32 != 0 { scalars.append(Unicode.Scalar(UInt32(key >> 32))!) }
                scalars.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
                return String(scalars)
            }
        }
    }

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

    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: " "
        default: scalar
        }
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .separator
            }
        }
        switch v {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: return .word
        case 0x3005, 0x3007: return .cjk
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF: return .cjk
        case 0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3: return .cjk
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return .cjk
        default: return .separator
        }
    }

    static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        let v = scalar.value
        if v < 0x80 {
            word.append((0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
        } else {
            word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    // MARK: Writer

    struct Writer {
        var bytes: [UInt8] = []
        var result: String { String(decoding: bytes, as: UTF8.self) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func integer(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            let utf8 = Array(text.utf8)
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case UInt8(ascii: "<"): escape("\\u003c")
                case 0x0A: escape("\\n")
                case 0x0D: escape("\\r")
                case 0x09: escape("\\t")
                case 0x00..<0x20: escape(controlEscape(byte))
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default: bytes.append(byte)
                }
                i += 1
            }
            bytes.append(UInt8(ascii: "\""))
        }

        mutating func escape(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        func controlEscape(_ byte: UInt8) -> String {
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
