/// A rebuild's index made from the last one's (``SearchTokenCache``) when the documents
/// keep their numbers (as many documents as before: a page edited, none added or removed).
///
/// Only the documents whose key changed are tokenized; their old and new postings are
/// compared, and only the tokens whose postings differ are re-encoded, each from its old
/// encoding: the postings before the first changed document are copied, those after the
/// last one too but for the first one's gap. The `docs` items of the documents whose URL,
/// section or key changed are written again. Everything else is copied from the last
/// index in runs, so an edit costs about its own tokens, not the site's.
///
/// Adding or removing a page renumbers the documents after it, which changes a posting in
/// nearly every token: the index is then made whole (`SearchIndex+Whole.swift`), as it is
/// when the last script is not in the output folder as written.
///
/// The bytes are those of an index made whole (`SearchIndexPatchTests` and
/// `IncrementalBuildTests` compare them).
extension SearchIndex {
    /// A change to one token's postings: `document` now has it at `level`, or no longer
    /// has it (``removed``).
    struct PostingChange: Comparable {
        var token: UInt32
        var document: UInt32
        var level: UInt8

        static func < (a: PostingChange, b: PostingChange) -> Bool {
            (a.token, a.document) < (b.token, b.document)
        }
    }

    static let removed: UInt8 = 8

    /// The index of `entries` patched from `old`, whose bodies are loaded
    /// (``SearchTokenCache/loadBodies(from:)``); `nil` when the number of documents
    /// changed, or `old` holds more unused tokens than used ones (renumbered when made
    /// whole), or turns out damaged.
    static func patched(
        entries: [SearchEntry], sections: [Int], documents byKey: [UInt64: SearchDocument], cache old: SearchTokenCache
    ) -> SearchTokenCache? {
        let count = entries.count
        guard count > 0, old.keys.count == count, old.table.count <= 2 * old.order.count + 1024 else { return nil }
        var made = old
        let changed = (0..<count).filter { entries[$0].key != old.keys[$0] }
        guard let lists = newPostings(of: changed, entries: entries, documents: byKey, old: old, table: &made.table),
            let changes = changes(of: changed, to: lists, old: old)
        else { return nil }
        guard patchTokens(changes, old: old, into: &made) else { return nil }
        made.itemStamps = zip(entries, sections).map { itemStamp(url: $0.url, section: $1) }
        patchItems(entries: entries, sections: sections, old: old, into: &made)
        patchPostings(changed: changed, lists: lists, old: old, into: &made)
        made.keys = entries.map(\.key)
        if !changed.isEmpty {
            made.documents = [:]
            made.documents.reserveCapacity(count)
            for (d, key) in made.keys.enumerated() where made.documents[key] == nil { made.documents[key] = d }
        }
        return made
    }

    /// The postings of each changed document, ascending: kept from `old` when it had the
    /// key, else tokenized (new tokens added to `table`).
    private static func newPostings(
        of changed: [Int], entries: [SearchEntry], documents byKey: [UInt64: SearchDocument], old: SearchTokenCache, table: inout TokenTable
    ) -> [[UInt32]]? {
        var lists = [[UInt32]](repeating: [], count: changed.count)
        var missing: [SearchDocument] = []
        var missingSlots: [Int] = []
        for (slot, d) in changed.enumerated() {
            let key = entries[d].key
            if let known = old.documents[key], let list = old.postings(ofDocument: known) {
                lists[slot] = list
            } else if let document = byKey[key] {
                missing.append(document)
                missingSlots.append(slot)
            } else {
                return nil
            }
        }
        for (slot, list) in zip(missingSlots, tokenize(missing, into: &table)) { lists[slot] = list.sorted() }
        return lists
    }

    /// What changed in each token's postings, by token then document: a document's old and
    /// new postings compared (most of an edited page's tokens keep their level).
    private static func changes(of changed: [Int], to lists: [[UInt32]], old: SearchTokenCache) -> [PostingChange]? {
        var changes: [PostingChange] = []
        for (slot, d) in changed.enumerated() {
            guard let before = old.postings(ofDocument: d) else { return nil }
            let after = lists[slot]
            let document = UInt32(d)
            var i = 0
            var j = 0
            while i < before.count || j < after.count {
                let a = i < before.count ? before[i] >> 3 : UInt32.max
                let b = j < after.count ? after[j] >> 3 : UInt32.max
                if a == b {
                    if before[i] != after[j] { changes.append(PostingChange(token: b, document: document, level: UInt8(after[j] & 7))) }
                    i += 1
                    j += 1
                } else if a < b {
                    changes.append(PostingChange(token: a, document: document, level: removed))
                    i += 1
                } else {
                    changes.append(PostingChange(token: b, document: document, level: UInt8(after[j] & 7)))
                    j += 1
                }
            }
        }
        changes.sort()
        return changes
    }

    /// The `docs` items: those whose key or stamp changed written again, the rest copied.
    private static func patchItems(entries: [SearchEntry], sections: [Int], old: SearchTokenCache, into made: inout SearchTokenCache) {
        var out = JavaScriptWriter()
        out.reserveCapacity(old.itemBytes.count + 4096)
        var ends: [UInt32] = []
        ends.reserveCapacity(entries.count)
        old.itemBytes.withUnsafeBufferPointer { bytes in
            var run = 0..<0
            for (d, entry) in entries.enumerated() {
                if entry.key == old.keys[d], made.itemStamps[d] == old.itemStamps[d] {
                    // With the comma before it, it follows the one before in the old bytes.
                    let unitStart = d == 0 ? 0 : Int(old.itemEnds[d - 1])
                    if run.isEmpty { run = unitStart..<unitStart }
                    ends.append(UInt32(Int(old.itemEnds[d]) + out.count + run.count - unitStart))
                    run = run.lowerBound..<Int(old.itemEnds[d])
                    continue
                }
                out.raw(bytes: UnsafeBufferPointer(rebasing: bytes[run]))
                run = 0..<0
                if d > 0 { out.raw(",") }
                writeItem(entry, section: sections[d], to: &out)
                ends.append(UInt32(out.count))
            }
            out.raw(bytes: UnsafeBufferPointer(rebasing: bytes[run]))
        }
        made.itemBytes = out.bytes
        made.itemEnds = ends
    }

    /// Each document's postings for the next build: the changed ones encoded, the rest copied.
    private static func patchPostings(changed: [Int], lists: [[UInt32]], old: SearchTokenCache, into made: inout SearchTokenCache) {
        guard !changed.isEmpty else { return }
        if made.postingLists != nil {
            for (slot, d) in changed.enumerated() { made.postingLists![d] = lists[slot] }
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(old.postingBytes.count + lists.reduce(0) { $0 + $1.count * 2 })
        var ends = old.postingEnds
        var copied = 0  // old bytes up to here are in `bytes` or replaced
        for (slot, d) in changed.enumerated() {
            let start = d == 0 ? 0 : Int(old.postingEnds[d - 1])
            bytes.append(contentsOf: old.postingBytes[copied..<start])
            let shift = bytes.count - start
            // Documents between the last changed one and this one moved by the same amount.
            for between in (slot == 0 ? 0 : changed[slot - 1] + 1)..<d {
                ends[between] = UInt32(Int(old.postingEnds[between]) + shift)
            }
            BinaryWriter.appendGaps(lists[slot], to: &bytes)
            ends[d] = UInt32(bytes.count)
            copied = Int(old.postingEnds[d])
        }
        let shift = bytes.count - copied
        bytes.append(contentsOf: old.postingBytes[copied...])
        for after in (changed.last! + 1)..<ends.count { ends[after] = UInt32(Int(old.postingEnds[after]) + shift) }
        made.postingBytes = bytes
        made.postingEnds = ends
    }
}
