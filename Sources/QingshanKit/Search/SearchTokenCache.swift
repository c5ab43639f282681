/// The tokens of the documents of the last search index, kept in the build cache so that
/// a rebuild tokenizes only the documents whose text changed: tokenizing every page again
/// was the largest part of rebuilding a site after a one-page edit.
///
/// Tokens are numbered in the order of their UTF-8 bytes, the order the index writes
/// them in, so a rebuild sorts only the tokens that are new to it.
struct SearchTokenCache: Sendable {
    /// Distinct tokens, numbered in byte order.
    var table: TokenTable
    /// Per document (by ``key(of:)``): its postings, `token * 8 + level`, ascending.
    var documents: [UInt64: [UInt32]]

    init(table: TokenTable = TokenTable(expectedCount: 16), documents: [UInt64: [UInt32]] = [:]) {
        self.table = table
        self.documents = documents
    }

    /// What a document's postings depend on: its title, section and text (not its URL).
    static func key(of document: SearchDocument) -> UInt64 {
        var hash = StableHash()
        hash.combine(document.title)
        hash.combine(document.section)
        hash.combine(document.text)
        return hash.value
    }

    /// Tokens as tags and word bytes, then each document's postings as gaps (LEB128).
    func write(to writer: inout BinaryWriter) {
        writer.write(table.count)
        for tag in table.tags { writer.write(tag) }
        for length in table.wordLengths { writer.write(varint: UInt64(length)) }
        writer.write(bytes: table.arena)
        writer.write(documents.count)
        for key in documents.keys.sorted() {
            writer.write(key)
            writer.write(ascending: documents[key]!)
        }
    }

    /// Reads what ``write(to:)`` wrote; `nil` when it is damaged.
    static func read(from reader: inout BinaryReader) -> SearchTokenCache? {
        guard let count = reader.readInt(), count >= 0, count < 1 << 28 else { return nil }
        var tags: [UInt64] = []
        tags.reserveCapacity(count)
        for _ in 0..<count {
            guard let tag = reader.readUInt64() else { return nil }
            tags.append(tag)
        }
        var lengths: [Int32] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = reader.readVarint(), length < 1 << 20 else { return nil }
            lengths.append(Int32(length))
        }
        guard let arena = reader.readBytes(), let table = TokenTable(tags: tags, wordLengths: lengths, arena: arena),
            let documentCount = reader.readInt(), documentCount >= 0
        else { return nil }
        var documents: [UInt64: [UInt32]] = [:]
        documents.reserveCapacity(documentCount)
        let limit = UInt32(count) << 3
        for _ in 0..<documentCount {
            guard let key = reader.readUInt64(), let postings = reader.readAscending(below: limit) else { return nil }
            documents[key] = postings
        }
        return SearchTokenCache(table: table, documents: documents)
    }
}
