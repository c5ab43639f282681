/// Distinct tokens, each numbered in order of first insertion: an open-addressing
/// hash table over token keys that never builds a `String`.
///
/// A CJK token is its key (`SearchTokenizer.Sink.cjk`); a word is identified by a
/// hash with the top bit set (CJK keys stay below 2⁵³) and its bytes, kept in
/// ``arena``. Used per document (counting hits) and once per site (merging).
struct TokenTable {
    /// Per entry: the CJK key, or a word's hash with bit 63 set.
    private(set) var tags: [UInt64] = []
    /// Per entry: where the word's bytes start in ``arena`` (0 for CJK).
    private(set) var wordStarts: [Int32] = []
    /// Per entry: the word's byte count (0 for CJK).
    private(set) var wordLengths: [Int32] = []
    /// Bytes of the words, back to back.
    private(set) var arena: [UInt8] = []
    /// Entry number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots: [Int32]
    private var shift: UInt64

    var count: Int { tags.count }

    init(expectedCount: Int = 64) {
        var size = 16
        var bits: UInt64 = 4
        while size < expectedCount * 2 {
            size *= 2
            bits += 1
        }
        slots = Array(repeating: 0, count: size)
        shift = 64 - bits
        tags.reserveCapacity(expectedCount)
    }

    /// The table of `tags`, numbered in that order, whose words' bytes are back to back
    /// in `arena` (`wordLengths` has each entry's length, 0 for CJK): the form a table
    /// is kept in between builds.
    init?(tags: [UInt64], wordLengths: [Int32], arena: [UInt8]) {
        guard tags.count == wordLengths.count else { return nil }
        self.init(expectedCount: tags.count)
        var start: Int32 = 0
        var starts: [Int32] = []
        starts.reserveCapacity(tags.count)
        for (tag, length) in zip(tags, wordLengths) {
            guard length >= 0, (tag & Self.wordBit != 0) == (length > 0) else { return nil }
            starts.append(length > 0 ? start : 0)
            start += length
        }
        guard Int(start) == arena.count else { return nil }
        // A damaged table would split one token in two in the index: check every entry.
        let valid = arena.withUnsafeBufferPointer { bytes in
            zip(zip(tags, starts), wordLengths).allSatisfy { entry, length in
                let (tag, start) = entry
                if length > 0 { return Self.tag(ofWord: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + length)])) == tag }
                return tag & 0xFFFF_FFFF != 0 && Unicode.Scalar(UInt32(tag & 0xFFFF_FFFF)) != nil
                    && (tag >> 32 == 0 || Unicode.Scalar(UInt32(tag >> 32)) != nil)
            }
        }
        guard valid else { return nil }
        self.tags = tags
        self.wordStarts = starts
        self.wordLengths = wordLengths
        self.arena = arena
        let mask = slots.count - 1
        for (index, tag) in tags.enumerated() {
            var s = slot(of: tag)
            while slots[s] != 0 {
                let other = Int(slots[s]) - 1
                if tags[other] == tag, wordLengths[other] == wordLengths[index],
                    arena[Int(starts[other])..<Int(starts[other] + wordLengths[other])].elementsEqual(arena[Int(starts[index])..<Int(starts[index] + wordLengths[index])])
                {
                    return nil  // the same token twice
                }
                s = (s + 1) & mask
            }
            slots[s] = Int32(index + 1)
        }
    }

    static let wordBit: UInt64 = 1 << 63

    @inline(__always)
    private func slot(of tag: UInt64) -> Int {
        Int(truncatingIfNeeded: (tag &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The entry of a CJK key, inserted if new; `inserted` tells which.
    @inline(__always)
    mutating func entry(cjk key: UInt64) -> (index: Int, inserted: Bool) {
        let mask = slots.count - 1
        var s = slot(of: key)
        while true {
            let e = Int(slots[s])
            if e == 0 { break }
            if tags[e - 1] == key { return (e - 1, false) }
            s = (s + 1) & mask
        }
        let index = tags.count
        slots[s] = Int32(index + 1)
        tags.append(key)
        wordStarts.append(0)
        wordLengths.append(0)
        growIfNeeded()
        return (index, true)
    }

    /// The hash tag of a word's bytes (FNV-1a, top bit set).
    @inline(__always)
    static func tag(ofWord utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash | wordBit
    }

    /// The entry of a word, inserted if new; `inserted` tells which.
    mutating func entry(word utf8: UnsafeBufferPointer<UInt8>, tag: UInt64) -> (index: Int, inserted: Bool) {
        let mask = slots.count - 1
        var s = slot(of: tag)
        while true {
            let e = Int(slots[s])
            if e == 0 { break }
            if tags[e - 1] == tag, Int(wordLengths[e - 1]) == utf8.count {
                let start = Int(wordStarts[e - 1])
                let same = arena.withUnsafeBufferPointer { stored in
                    memoryEqual(stored.baseAddress! + start, utf8.baseAddress!, utf8.count)
                }
                if same { return (e - 1, false) }
            }
            s = (s + 1) & mask
        }
        let index = tags.count
        slots[s] = Int32(index + 1)
        tags.append(tag)
        wordStarts.append(Int32(arena.count))
        wordLengths.append(Int32(utf8.count))
        arena.append(contentsOf: utf8)
        growIfNeeded()
        return (index, true)
    }

    /// Appends the UTF-8 of entry `index`.
    func appendUTF8(of index: Int, to bytes: inout [UInt8]) {
        if isWord(index) {
            let start = Int(wordStarts[index])
            bytes.append(contentsOf: arena[start..<start + Int(wordLengths[index])])
        } else {
            let key = tags[index]
            if key >> 32 != 0 { appendScalarUTF8(UInt32(key >> 32), to: &bytes) }
            appendScalarUTF8(UInt32(key & 0xFFFF_FFFF), to: &bytes)
        }
    }

    /// Whether entry `index` is a word (else a CJK key).
    @inline(__always)
    func isWord(_ index: Int) -> Bool { tags[index] & Self.wordBit != 0 }

    /// Keeps the load at most one half.
    @inline(__always)
    private mutating func growIfNeeded() {
        guard tags.count * 2 > slots.count else { return }
        slots = Array(repeating: 0, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (index, tag) in tags.enumerated() {
            var s = slot(of: tag)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(index + 1)
        }
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
