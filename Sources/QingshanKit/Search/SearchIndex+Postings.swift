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
///
/// Building it is the costly part of the index: documents are tokenized on all
/// cores, each into its own table of distinct tokens and levels, and the tables
/// are merged serially in document order, so the result does not depend on
/// scheduling.
extension SearchIndex {
    /// Digits of the posting encoding: values 0–31 end a number, 32–63 continue it.
    static let alphabet = alphabetText.withUTF8Buffer { Array($0) }
    /// The same digits as a constant: writing postings reads it per digit, and a static
    /// array is reached through a lazy-initialization check each time.
    private static let alphabetText: StaticString = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

    /// One document's entry in a token's postings.
    struct Posting: Equatable {
        var document: Int
        var level: Int
    }

    /// One document's distinct tokens, in order of first appearance, with their levels.
    struct DocumentTokens {
        var table: TokenTable
        var levels: [UInt8]
    }

    /// Counts a document's hits per distinct token (text and section) and marks title tokens.
    private struct HitCounter: SearchTokenizer.Sink {
        /// Set in ``hits`` when the title holds the token.
        static let titleBit = 1 << 62
        var table: TokenTable
        /// Per entry of ``table``: hits in text and section, plus ``titleBit``.
        var hits: [Int] = []
        /// Whether tokens now come from the title (marked) rather than counted.
        var readingTitle = false

        init(expectedCount: Int) {
            table = TokenTable(expectedCount: expectedCount)
            hits.reserveCapacity(expectedCount)
        }

        @inline(__always)
        private mutating func record(_ entry: (index: Int, inserted: Bool)) {
            let increment = readingTitle ? Self.titleBit : 1
            if entry.inserted {
                hits.append(increment)
            } else if readingTitle {
                hits[entry.index] |= increment
            } else {
                hits[entry.index] += increment
            }
        }

        mutating func cjk(_ key: UInt64) { record(table.entry(cjk: key)) }

        mutating func word(_ utf8: UnsafeBufferPointer<UInt8>) {
            record(table.entry(word: utf8, tag: TokenTable.tag(ofWord: utf8)))
        }
    }

    /// The distinct tokens of one document with their levels.
    static func documentTokens(of document: SearchDocument, scratch: inout [UInt8]) -> DocumentTokens {
        // About one distinct token per 2.5 bytes of CJK text; the table grows if needed.
        var counter = HitCounter(expectedCount: max(16, (document.text.utf8.count + document.section.utf8.count) / 3))
        SearchTokenizer.scan(document.text, into: &counter, scratch: &scratch)
        SearchTokenizer.scan(document.section, into: &counter, scratch: &scratch)
        counter.readingTitle = true
        SearchTokenizer.scan(document.title, into: &counter, scratch: &scratch)
        let levels = counter.hits.map { hits in
            UInt8((hits & HitCounter.titleBit != 0 ? 4 : 0) + hitClass(hits & (HitCounter.titleBit - 1)))
        }
        return DocumentTokens(table: counter.table, levels: levels)
    }

    /// Every distinct token of a site with its postings.
    struct InvertedIndex {
        /// Distinct tokens; those numbered below the `sortedCount` given are in byte order.
        let table: TokenTable
        /// Each token's UTF-8, back to back, and where each starts (one more than tokens).
        private let text: [UInt8]
        private let textStarts: [Int]
        /// The tokens that have postings, in byte order: the order they are written in.
        let order: [Int]
        /// Postings grouped by token (token `t`'s are `grouped[starts[t]..<starts[t + 1]]`),
        /// as `document * 8 + level` in document order.
        private let grouped: [UInt32]
        private let starts: [Int]
        /// Per document, its number of postings.
        private let documentCounts: [Int]
        /// The postings given, kept for the cache only when ``order`` numbers every token as
        /// it is (no token new or unused): otherwise the cache is made from ``grouped``.
        private let postingsInOrder: [[UInt32]]?

        var tokenCount: Int { order.count }

        /// - Parameter postings: per document, in order, `token * 8 + level`, each list in
        ///   any order. Pass it consumed: once grouped, it is dropped unless the cache can
        ///   keep it as is (then each list is sorted).
        init(table: TokenTable, sortedCount: Int, postings: [[UInt32]]) {
            self.table = table
            (text, textStarts) = Self.text(of: table)
            var used = [Bool](repeating: false, count: table.count)
            for list in postings {
                for posting in list { used[Int(posting >> 3)] = true }
            }
            let order = Self.byteOrder(used: used, sortedCount: min(sortedCount, table.count), text: text, textStarts: textStarts)
            self.order = order
            (starts, grouped) = Self.grouped(postings, tokenCount: table.count)
            documentCounts = postings.map(\.count)
            let inOrder = order.count == table.count && order.indices.allSatisfy { order[$0] == $0 }
            postingsInOrder = inOrder ? postings.map(Self.ascending) : nil
        }

        /// `list` sorted; most lists (those kept from the cache) already are.
        private static func ascending(_ list: [UInt32]) -> [UInt32] {
            let sorted = list.withUnsafeBufferPointer { list in
                list.indices.dropFirst().allSatisfy { list[$0 - 1] < list[$0] }
            }
            return sorted ? list : list.sorted()
        }

        /// Each token's UTF-8, back to back, and where each starts.
        private static func text(of table: TokenTable) -> ([UInt8], [Int]) {
            let count = table.count
            var text: [UInt8] = []
            text.reserveCapacity(count * 6 + table.arena.count)
            var textStarts = [Int](repeating: 0, count: count + 1)
            for i in 0..<count {
                table.appendUTF8(of: i, to: &text)
                textStarts[i + 1] = text.count
            }
            return (text, textStarts)
        }

        /// The used tokens in byte order. Tokens numbered below `sortedCount` (kept from the
        /// cache) are already in order; only new ones are sorted, then the two runs are
        /// merged. Distinct tokens have distinct bytes, so the order is total.
        private static func byteOrder(used: [Bool], sortedCount: Int, text: [UInt8], textStarts: [Int]) -> [Int] {
            let old = (0..<sortedCount).filter { used[$0] }
            return text.withUnsafeBufferPointer { text in
                func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: text[textStarts[i]..<textStarts[i + 1]])
                }
                let new = (sortedCount..<used.count).filter { used[$0] }.sorted { a, b in
                    bytes(a).lexicographicallyPrecedes(bytes(b))
                }
                if new.isEmpty { return old }
                var merged: [Int] = []
                merged.reserveCapacity(old.count + new.count)
                var i = 0
                var j = 0
                while i < old.count, j < new.count {
                    if bytes(old[i]).lexicographicallyPrecedes(bytes(new[j])) {
                        merged.append(old[i])
                        i += 1
                    } else {
                        merged.append(new[j])
                        j += 1
                    }
                }
                merged.append(contentsOf: old[i...])
                merged.append(contentsOf: new[j...])
                return merged
            }
        }

        /// Postings grouped by token, as `document * 8 + level`: a counting sort, which keeps
        /// document order. Every index is a token number below `tokenCount` or a slot
        /// counted for it; unchecked access and 32-bit values halve the time of what every
        /// rebuild does for every posting of the site.
        private static func grouped(_ postings: [[UInt32]], tokenCount count: Int) -> (starts: [Int], grouped: [UInt32]) {
            var starts = [Int](repeating: 0, count: count + 1)
            starts.withUnsafeMutableBufferPointer { starts in
                for list in postings {
                    list.withUnsafeBufferPointer { list in
                        for posting in list { starts[Int(posting >> 3) + 1] += 1 }
                    }
                }
                for i in 0..<count { starts[i + 1] += starts[i] }
            }
            var next = starts
            let grouped = [UInt32](unsafeUninitializedCapacity: starts[count]) { grouped, initialized in
                next.withUnsafeMutableBufferPointer { next in
                    for (document, list) in postings.enumerated() {
                        let base = UInt32(document) << 3
                        list.withUnsafeBufferPointer { list in
                            for posting in list {
                                let token = Int(posting >> 3)
                                (grouped.baseAddress! + next[token]).initialize(to: base | posting & 7)
                                next[token] += 1
                            }
                        }
                    }
                }
                initialized = starts[count]
            }
            return (starts, grouped)
        }

        /// The table and each document's postings (ascending) for the next build: tokens
        /// renumbered in byte order, those no document uses dropped.
        func renumbered() -> (table: TokenTable, postings: [[UInt32]]) {
            if let postingsInOrder { return (table, postingsInOrder) }
            var tags: [UInt64] = []
            var lengths: [Int32] = []
            var arena: [UInt8] = []
            tags.reserveCapacity(order.count)
            lengths.reserveCapacity(order.count)
            for token in order {
                tags.append(table.tags[token])
                lengths.append(table.wordLengths[token])
                if table.isWord(token) {
                    let start = Int(table.wordStarts[token])
                    arena.append(contentsOf: table.arena[start..<start + Int(table.wordLengths[token])])
                }
            }
            // Built from a table's own entries, so always valid.
            return (TokenTable(tags: tags, wordLengths: lengths, arena: arena)!, postingsByRank())
        }

        /// Per document, its postings with tokens numbered by their rank in ``order``: the
        /// transpose of ``grouped``. Walking tokens in rank order leaves each document's
        /// list ascending, so nothing is sorted.
        private func postingsByRank() -> [[UInt32]] {
            let buffers = documentCounts.map { UnsafeMutablePointer<UInt32>.allocate(capacity: $0) }
            var filled = [Int](repeating: 0, count: buffers.count)
            grouped.withUnsafeBufferPointer { grouped in
                filled.withUnsafeMutableBufferPointer { filled in
                    for (rank, token) in order.enumerated() {
                        let tokenBits = UInt32(rank) << 3
                        for value in grouped[starts[token]..<starts[token + 1]] {
                            let document = Int(value >> 3)
                            // Trivial values: assigning initializes uninitialized memory.
                            buffers[document][filled[document]] = tokenBits | value & 7
                            filled[document] += 1
                        }
                    }
                }
            }
            return zip(buffers, documentCounts).map { buffer, count in
                defer { buffer.deallocate() }
                return Array(UnsafeBufferPointer(start: buffer, count: count))
            }
        }

        /// Writes `"token":"postings"` pairs grouped by first scalar, tokens sorted by
        /// UTF-8 bytes and postings by document, as the body of the `tokens` object without
        /// the brace that closes the last group; records in `spans` where each token's
        /// piece and postings are (``SearchTokenCache/pieceStarts`` and the others).
        func write(to writer: inout JavaScriptWriter, spans: inout SearchTokenCache) {
            guard !order.isEmpty else { return }
            writer.reserveCapacity(grouped.count * 2 + text.count * 2 + order.count * 8)
            spans.pieceStarts.reserveCapacity(order.count)
            spans.valueStarts.reserveCapacity(order.count)
            spans.pieceEnds.reserveCapacity(order.count)
            text.withUnsafeBufferPointer { text in
                func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: text[textStarts[i]..<textStarts[i + 1]])
                }
                var group: UnsafeBufferPointer<UInt8>?
                for token in order {
                    let all = bytes(token)
                    let firstLength = utf8Length(lead: all[0])
                    let first = UnsafeBufferPointer(rebasing: all[0..<firstLength])
                    if let current = group, current.elementsEqual(first) {
                        writer.raw(",")
                    } else {
                        writer.raw(group == nil ? "" : "},")
                        writer.string(utf8: first)
                        writer.raw(":{")
                        group = first
                    }
                    spans.pieceStarts.append(UInt32(writer.bytes.count))
                    writer.string(utf8: UnsafeBufferPointer(rebasing: all[firstLength...]))
                    writer.raw(":\"")
                    spans.valueStarts.append(UInt32(writer.bytes.count))
                    // Digits need no escape, so they go straight into the string.
                    var previous = 0
                    for value in grouped[starts[token]..<starts[token + 1]] {
                        let document = Int(value >> 3)
                        appendNumber((document - previous) * 8 + Int(value & 7), to: &writer)
                        previous = document
                    }
                    writer.raw("\"")
                    spans.pieceEnds.append(UInt32(writer.bytes.count))
                }
            }
        }
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
        var writer = JavaScriptWriter()
        var previous = 0
        for posting in postings {
            appendNumber((posting.document - previous) * 8 + posting.level, to: &writer)
            previous = posting.document
        }
        return writer.result
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

    /// Appends `value` in base 32, most significant digit first; all digits but
    /// the last from the upper half of the alphabet.
    @inline(__always)
    static func appendNumber(_ value: Int, to writer: inout JavaScriptWriter) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        let digits = alphabetText.utf8Start
        while shift > 0 {
            writer.byte(digits[((value >> shift) & 31) + 32])
            shift -= 5
        }
        writer.byte(digits[value & 31])
    }
}

/// The byte count of a UTF-8 sequence from its lead byte.
@inline(__always)
func utf8Length(lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}

/// Appends the UTF-8 of a valid scalar value.
@inline(__always)
func appendScalarUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
    switch value {
    case ..<0x80:
        bytes.append(UInt8(value))
    case ..<0x800:
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | (value >> 12) & 0x3F))
        bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    }
}
