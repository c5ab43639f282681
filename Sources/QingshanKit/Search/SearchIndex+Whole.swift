import Dispatch

/// The index made whole: every document's postings (kept from the cache by key, or
/// tokenized on all cores) grouped by token, then written out; what a first build and a
/// build that added or removed pages do (`SearchIndex+Patch.swift` handles the others).
extension SearchIndex {
    /// The index of `entries` made whole: the postings of the documents whose key is in
    /// `cache` are kept, the others tokenized. With `forCache`, also what the next build
    /// patches (tokens renumbered in byte order, each document's postings).
    static func whole(
        entries: [SearchEntry], sections: [Int], documents: [UInt64: SearchDocument], cache: SearchTokenCache, forCache: Bool
    ) -> SearchTokenCache {
        let inverted = invertedIndex(of: entries, documents: documents, cache: cache)
        var made = SearchTokenCache()
        var items = JavaScriptWriter()
        made.itemEnds.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            if i > 0 { items.raw(",") }
            writeItem(entry, section: sections[i], to: &items)
            made.itemEnds.append(UInt32(items.bytes.count))
        }
        made.itemBytes = items.bytes
        var tokens = JavaScriptWriter()
        inverted.write(to: &tokens, spans: &made)
        made.tokenBytes = tokens.bytes
        guard forCache else {
            made.order = inverted.order.map { UInt32($0) }
            return made
        }
        let (table, postings) = inverted.renumbered()
        made.table = table
        made.sortedCount = table.count
        made.order = Array(0..<UInt32(inverted.order.count))
        made.keys = entries.map(\.key)
        made.itemStamps = zip(entries, sections).map { itemStamp(url: $0.url, section: $1) }
        made.documents.reserveCapacity(entries.count)
        for (d, key) in made.keys.enumerated() where made.documents[key] == nil { made.documents[key] = d }
        made.postingLists = postings
        return made
    }

    /// The inverted index of `entries`. Entries found in `cache` keep their postings;
    /// the others are tokenized from their document in `documents`, on all cores.
    static func invertedIndex(of entries: [SearchEntry], documents byKey: [UInt64: SearchDocument], cache: SearchTokenCache) -> InvertedIndex {
        var table = cache.table
        let sortedCount = cache.sortedCount
        var postings = [[UInt32]](repeating: [], count: entries.count)
        var missing: [SearchDocument] = []
        var missingSlots: [Int] = []
        for (slot, entry) in entries.enumerated() {
            if let d = cache.documents[entry.key], let known = cache.postings(ofDocument: d) {
                postings[slot] = known
            } else if let document = byKey[entry.key] {
                missing.append(document)
                missingSlots.append(slot)
            } else {
                // Only a damaged cache (whose postings are checked as they are read) gets here:
                // the page keeps its item but none of its tokens.
                assert(cache.documents[entry.key] != nil, "no postings and no document for a search entry")
            }
        }
        for (slot, list) in zip(missingSlots, tokenize(missing, into: &table)) {
            // Left in order of appearance: sorted only if the cache keeps them as they are.
            postings[slot] = list
        }
        return InvertedIndex(table: table, sortedCount: sortedCount, postings: consume postings)
    }

    /// Each document's postings, `token * 8 + level` with tokens numbered in `table` (new
    /// ones added), in order of first appearance. Tokenized on all cores, numbered in
    /// document order, so the numbers do not depend on scheduling.
    static func tokenize(_ documents: [SearchDocument], into table: inout TokenTable) -> [[UInt32]] {
        var postings: [[UInt32]] = []
        postings.reserveCapacity(documents.count)
        // Batches bound the memory held by per-document tables on large sites.
        let batchSize = 512
        var batchStart = 0
        var results = [DocumentTokens?](repeating: nil, count: min(batchSize, documents.count))
        while batchStart < documents.count {
            let batchEnd = min(batchStart + batchSize, documents.count)
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = SendableBuffer(buffer)
                let first = batchStart
                DispatchQueue.concurrentPerform(iterations: batchEnd - batchStart) { offset in
                    var scratch: [UInt8] = []
                    scratch.reserveCapacity(64)
                    // Each iteration writes only its own slot.
                    slots.buffer[offset] = documentTokens(of: documents[first + offset], scratch: &scratch)
                }
            }
            for slot in batchStart..<batchEnd {
                let tokens = results[slot - batchStart]!
                results[slot - batchStart] = nil
                var list: [UInt32] = []
                list.reserveCapacity(tokens.table.count)
                let source = tokens.table
                source.arena.withUnsafeBufferPointer { arena in
                    for i in 0..<source.count {
                        let tag = source.tags[i]
                        let entry: Int
                        if tag & TokenTable.wordBit != 0 {
                            let word = UnsafeBufferPointer(rebasing: arena[Int(source.wordStarts[i])..<Int(source.wordStarts[i] + source.wordLengths[i])])
                            entry = table.entry(word: word, tag: tag).index
                        } else {
                            entry = table.entry(cjk: tag).index
                        }
                        list.append(UInt32(entry) << 3 | UInt32(tokens.levels[i]))
                    }
                }
                postings.append(list)
            }
            batchStart = batchEnd
        }
        return postings
    }
}

/// A buffer shared with `concurrentPerform`, whose iterations write disjoint slots.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
