import Foundation

/// The last search index as the build cache keeps it: its tokens, each document's
/// postings, and where each document's item and each token's postings are in the `docs`
/// and `tokens` parts of the `search-index.js` it wrote.
///
/// A rebuild that keeps the number of documents patches this (`SearchIndex+Patch.swift`):
/// it tokenizes only the documents whose key changed, re-encodes only the tokens whose
/// postings changed, and copies everything else from these bytes. Otherwise the index is
/// made whole, reusing the postings of the documents whose key is known.
///
/// Tokens keep their numbers while the index is patched: new tokens are appended, tokens
/// no document has any more stay in ``table`` unused. Building the index whole numbers
/// them in byte order again.
struct SearchTokenCache: Sendable {
    /// Distinct tokens by number; those numbered below ``sortedCount`` are in byte order.
    var table: TokenTable
    var sortedCount: Int
    /// Per document number: ``key(of:)`` of the document.
    var keys: [UInt64] = []
    /// A document number for each key in ``keys``: whether a document's postings are known.
    var documents: [UInt64: Int] = [:]
    /// Per document number: ``SearchIndex/itemStamp(url:section:)``, what its `docs` item
    /// depends on besides its key.
    var itemStamps: [UInt64] = []
    /// Per document, its postings (`token * 8 + level`, ascending) as LEB128 gaps, back to
    /// back; document `d`'s end at `postingEnds[d]`. Read from the cache; an index made
    /// whole keeps them as ``postingLists`` instead, encoded only if the cache is written
    /// (a dry run does not write it).
    var postingBytes: [UInt8] = []
    var postingEnds: [UInt32] = []
    var postingLists: [[UInt32]]?
    /// The body of the `docs` array: each document's item, separated by commas; document
    /// `d`'s item ends at `itemEnds[d]`.
    var itemBytes: [UInt8] = []
    var itemEnds: [UInt32] = []
    /// The body of the `tokens` object without the brace closing its last group.
    var tokenBytes: [UInt8] = []
    /// The script these offsets describe: its hash (``hash(of:)``) and where the two bodies
    /// start in it. The cache keeps these, not the bodies: they are read back from the
    /// script as written (``loadBodies(from:)``), which keeps the cache and the memory of a
    /// build from holding the index twice.
    var fileHash: UInt64 = 0
    var itemsStart = 0
    var tokensStart = 0
    /// The tokens that have postings, in byte order; per rank in it, where the token's
    /// `"rest":"postings"` starts in ``tokenBytes``, where its postings start and where it
    /// ends (after its separator from the token before, `,` or `},"X":{`).
    var order: [UInt32] = []
    var pieceStarts: [UInt32] = []
    var valueStarts: [UInt32] = []
    var pieceEnds: [UInt32] = []

    init(table: TokenTable = TokenTable(expectedCount: 16), sortedCount: Int = 0) {
        self.table = table
        self.sortedCount = sortedCount
    }

    /// What a document's postings depend on: its title, section and text (not its URL).
    static func key(of document: SearchDocument) -> UInt64 {
        var hash = StableHash()
        hash.combine(document.title)
        hash.combine(document.section)
        hash.combine(document.text)
        return hash.value
    }

    /// Document `d`'s postings, or `nil` when its bytes are damaged.
    func postings(ofDocument d: Int) -> [UInt32]? {
        if let postingLists { return postingLists[d] }
        let start = d == 0 ? 0 : Int(postingEnds[d - 1])
        let end = Int(postingEnds[d])
        let limit = UInt64(table.count) << 3
        return postingBytes.withUnsafeBufferPointer { bytes in
            var list: [UInt32] = []
            list.reserveCapacity(end - start)
            var position = start
            var previous: UInt64 = 0
            while position < end {
                guard let gap = BinaryReader.varint(in: bytes, at: &position, end: end) else { return nil }
                let value = previous + gap
                guard list.isEmpty || gap > 0, value < limit else { return nil }
                list.append(UInt32(value))
                previous = value
            }
            return list
        }
    }

    /// What identifies a script's bytes.
    static func hash(of file: Data) -> UInt64 {
        var hash = StableHash()
        file.withUnsafeBytes { hash.combine(buffer: $0.bindMemory(to: UInt8.self)) }
        return hash.value
    }

    /// Takes ``itemBytes`` and ``tokenBytes`` from `file` if it is the script these offsets
    /// describe (its hash is ``fileHash``).
    mutating func loadBodies(from file: Data) -> Bool {
        let items = itemsStart..<itemsStart + Int(itemEnds.last ?? 0)
        let tokens = tokensStart..<tokensStart + Int(pieceEnds.last ?? 0)
        guard items.lowerBound >= 0, items.upperBound <= tokens.lowerBound, tokens.upperBound <= file.count, Self.hash(of: file) == fileHash
        else { return false }
        file.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            itemBytes = Array(bytes[items])
            tokenBytes = Array(bytes[tokens])
        }
        return true
    }

    /// Writes `lists` as ``write(to:)`` writes ``postingBytes`` and ``postingEnds`` (each
    /// list's byte count, then the bytes), straight into `writer`: encoding them into an
    /// array first held another copy of them at the build's peak of memory.
    private static func write(_ lists: [[UInt32]], to writer: inout BinaryWriter) {
        var total = 0
        for list in lists {
            var count = 0
            var previous: UInt32 = 0
            for value in list {
                let gap = value &- previous
                previous = value
                count += gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5
            }
            writer.write(varint: UInt64(count))
            total += count
        }
        writer.write(total)
        for list in lists {
            var previous: UInt32 = 0
            for value in list {
                writer.write(varint: UInt64(value &- previous))
                previous = value
            }
        }
    }

    /// The table, then the documents, then the two serialized parts and their offsets:
    /// the bulk is byte arrays, copied as they are.
    func write(to writer: inout BinaryWriter) {
        writer.write(table.count)
        for tag in table.tags { writer.write(tag) }
        for length in table.wordLengths { writer.write(varint: UInt64(length)) }
        writer.write(bytes: table.arena)
        writer.write(sortedCount)
        writer.write(keys.count)
        for key in keys { writer.write(key) }
        for stamp in itemStamps { writer.write(stamp) }
        if let postingLists {
            Self.write(postingLists, to: &writer)
        } else {
            var previous: UInt32 = 0
            for end in postingEnds {
                writer.write(varint: UInt64(end - previous))
                previous = end
            }
            writer.write(bytes: postingBytes)
        }
        writer.write(ascending: itemEnds)
        writer.write(fileHash)
        writer.write(itemsStart)
        writer.write(tokensStart)
        writer.write(order.count)
        for token in order { writer.write(varint: UInt64(token)) }
        writer.write(ascending: pieceStarts)
        writer.write(ascending: valueStarts)
        writer.write(ascending: pieceEnds)
    }

    /// Reads what ``write(to:)`` wrote; `nil` when it is damaged (checked: every count
    /// and offset; not checked: each document's postings, decoded only when needed).
    static func read(from reader: inout BinaryReader) -> SearchTokenCache? {
        guard let table = readTable(from: &reader), let sortedCount = reader.readInt(), (0...table.count).contains(sortedCount),
            let count = reader.readInt(), count >= 0, count < 1 << 28
        else { return nil }
        var cache = SearchTokenCache(table: table, sortedCount: sortedCount)
        guard let keys = readUInt64s(count, from: &reader), let stamps = readUInt64s(count, from: &reader) else { return nil }
        cache.keys = keys
        cache.itemStamps = stamps
        cache.documents.reserveCapacity(count)
        for (d, key) in keys.enumerated() where cache.documents[key] == nil { cache.documents[key] = d }
        cache.postingEnds.reserveCapacity(count)
        var end: UInt64 = 0
        for _ in 0..<count {
            guard let length = reader.readVarint() else { return nil }
            end += length
            guard end < 1 << 32 else { return nil }
            cache.postingEnds.append(UInt32(end))
        }
        guard let postingBytes = reader.readBytes(), postingBytes.count == Int(end),
            let itemEnds = reader.readAscending(below: UInt32.max), itemEnds.count == count,
            let fileHash = reader.readUInt64(), let itemsStart = reader.readInt(), let tokensStart = reader.readInt()
        else { return nil }
        cache.postingBytes = postingBytes
        cache.itemEnds = itemEnds
        (cache.fileHash, cache.itemsStart, cache.tokensStart) = (fileHash, itemsStart, tokensStart)
        guard readTokens(into: &cache, from: &reader) else { return nil }
        return cache
    }

    private static func readTable(from reader: inout BinaryReader) -> TokenTable? {
        guard let count = reader.readInt(), count >= 0, count < 1 << 28, let tags = readUInt64s(count, from: &reader) else { return nil }
        var lengths: [Int32] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = reader.readVarint(), length < 1 << 20 else { return nil }
            lengths.append(Int32(length))
        }
        guard let arena = reader.readBytes() else { return nil }
        return TokenTable(tags: tags, wordLengths: lengths, arena: arena)
    }

    private static func readUInt64s(_ count: Int, from reader: inout BinaryReader) -> [UInt64]? {
        var values: [UInt64] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = reader.readUInt64() else { return nil }
            values.append(value)
        }
        return values
    }

    /// The order and offsets of the tokens: each token once, each piece inside the bytes
    /// and after the one before.
    private static func readTokens(into cache: inout SearchTokenCache, from reader: inout BinaryReader) -> Bool {
        guard let count = reader.readInt(), count >= 0, count <= cache.table.count else { return false }
        var seen = [Bool](repeating: false, count: cache.table.count)
        cache.order.reserveCapacity(count)
        for _ in 0..<count {
            guard let token = reader.readVarint(), token < UInt64(seen.count), !seen[Int(token)] else { return false }
            seen[Int(token)] = true
            cache.order.append(UInt32(token))
        }
        guard let starts = reader.readAscending(below: UInt32.max), let values = reader.readAscending(below: UInt32.max),
            let ends = reader.readAscending(below: UInt32.max), starts.count == count, values.count == count, ends.count == count
        else { return false }
        for rank in 0..<count {
            guard starts[rank] < values[rank], values[rank] < ends[rank], rank == 0 || ends[rank - 1] < starts[rank] else { return false }
        }
        cache.pieceStarts = starts
        cache.valueStarts = values
        cache.pieceEnds = ends
        return true
    }
}
