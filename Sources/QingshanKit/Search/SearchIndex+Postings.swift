/// The inverted index and its compact encoding.
///
/// Postings dominate the index's size (a page yields a posting per distinct
/// character and bigram), so each is packed into one number,
/// `documentDelta * 8 + level`, written as a base-32 variable-length string:
/// every digit but the last is drawn from the upper half of ``alphabet``, so most
/// postings take one or two characters and none needs a JSON escape.
///
/// `level` keeps what ranking needs: bit 2 is set when the title holds the token,
/// bits 0–1 class the hits in text and section title (0: one or none, 1: two,
/// 2: three to five, 3: six or more). `search.js` turns a level back into a weight
/// of `10 × inTitle + [1, 2, 4, 8][class]`.
extension SearchIndex {
    /// Digits of the posting encoding: values 0–31 end a number, 32–63 continue it.
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// One document's entry in a token's postings.
    struct Posting: Equatable {
        var document: Int
        var level: Int
    }

    /// Every token with its postings, tokens sorted by UTF-8 bytes, postings by document.
    static func postings(of documents: [SearchDocument]) -> [(token: String, postings: [Posting])] {
        var table: [SearchTokenizer.Token: [Posting]] = [:]
        var hits: [SearchTokenizer.Token: Int] = [:]
        var titleTokens: Set<SearchTokenizer.Token> = []
        for (index, document) in documents.enumerated() {
            hits.removeAll(keepingCapacity: true)
            titleTokens.removeAll(keepingCapacity: true)
            SearchTokenizer.forEachToken(in: document.text) { hits[$0, default: 0] += 1 }
            SearchTokenizer.forEachToken(in: document.section) { hits[$0, default: 0] += 1 }
            SearchTokenizer.forEachToken(in: document.title) { titleTokens.insert($0) }
            for token in titleTokens where hits[token] == nil { hits[token] = 0 }
            // Documents are visited in order, so each postings list stays sorted.
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

    /// The postings as the string `search.js` decodes.
    static func encoded(_ postings: [Posting]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 2)
        var previous = 0
        for posting in postings {
            appendNumber((posting.document - previous) * 8 + posting.level, to: &bytes)
            previous = posting.document
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes ``encoded(_:)``; the tests use it to read postings back.
    static func decoded(_ text: String) -> [Posting] {
        var postings: [Posting] = []
        var value = 0
        var document = 0
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return [] }
            value = value * 32 + digit % 32
            if digit < 32 {
                document += value / 8
                postings.append(Posting(document: document, level: value % 8))
                value = 0
            }
        }
        return postings
    }

    private static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
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
}
