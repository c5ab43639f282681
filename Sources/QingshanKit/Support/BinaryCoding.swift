import Foundation

/// A compact, fast encoding for the build cache: little-endian integers and
/// length-prefixed UTF-8 strings. Reading tens of megabytes of search text takes
/// milliseconds, where JSON decoding takes seconds.
struct BinaryWriter {
    /// Collected in an array, not `Data`: appending to `Data` byte by byte cost more
    /// than the rest of writing the cache.
    private var bytes: [UInt8] = []

    var data: Data { Data(bytes) }
    /// What was written, without copying it into `Data`.
    var written: [UInt8] { bytes }
    /// Bytes written so far (where the next one goes).
    var count: Int { bytes.count }

    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    /// Bytes as they are, without a count: a record copied from an earlier encoding.
    mutating func append(raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    /// Replaces the eight bytes at `offset` (written before as a placeholder).
    mutating func overwrite(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(_ text: String) {
        let utf8 = text.utf8
        write(utf8.count)
        bytes.append(contentsOf: utf8)
    }
    /// Raw bytes with their count.
    mutating func write(bytes more: [UInt8]) {
        write(more.count)
        bytes.append(contentsOf: more)
    }
    /// Ascending numbers as their count and the gaps between them, each a varint: the
    /// search postings, millions on a large site, in one tight loop.
    mutating func write(ascending values: [UInt32]) {
        write(varint: UInt64(values.count))
        Self.appendGaps(values, to: &bytes)
    }

    /// Appends ascending `values` to `bytes` as the gaps between them, each a varint
    /// (no count: the search index patch keeps a list's bytes on their own).
    static func appendGaps(_ values: [UInt32], to bytes: inout [UInt8]) {
        var previous: UInt32 = 0
        for value in values {
            var rest = value &- previous
            previous = value
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
    }

    /// An unsigned number in 7-bit groups, least significant first (LEB128): small
    /// numbers, such as the gaps between sorted postings, take one or two bytes.
    mutating func write(varint value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
    mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }
}

/// Reads what `BinaryWriter` wrote; every read fails (returns `nil`) on truncated or
/// corrupt input instead of trapping.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    /// Reads `bytes` from `offset` on (a section of a larger file), without copying them.
    init(bytes: [UInt8], at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }
    /// Where the next read starts.
    var position: Int { offset }

    mutating func readUInt64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return value
    }

    mutating func readInt() -> Int? { readUInt64().map { Int(Int64(bitPattern: $0)) } }

    mutating func readVarint() -> UInt64? {
        var position = offset
        defer { offset = position }
        return bytes.withUnsafeBufferPointer { Self.varint(in: $0, at: &position, end: $0.count, bits: 64) }
    }

    /// A varint of at most `bits` bits at `position` (35 for a gap of `write(ascending:)`
    /// or `BinaryWriter.appendGaps`), which moves past it; `nil` when it runs past `end`.
    @inline(__always)
    static func varint(in bytes: UnsafeBufferPointer<UInt8>, at position: inout Int, end: Int, bits: UInt64 = 35) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < bits {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// What `write(ascending:)` wrote, if every number is below `limit` and each is
    /// greater than the one before.
    mutating func readAscending(below limit: UInt32) -> [UInt32]? {
        guard let count = readVarint(), count <= UInt64(bytes.count - offset) else { return nil }
        let start = offset
        var failed = false
        var end = start
        let values = bytes.withUnsafeBufferPointer { bytes in
            [UInt32](unsafeUninitializedCapacity: Int(count)) { values, initialized in
                var position = start
                var previous: UInt64 = 0
                for index in 0..<Int(count) {
                    guard let gap = Self.varint(in: bytes, at: &position, end: bytes.count), index == 0 || gap > 0,
                        previous + gap < UInt64(limit)
                    else {
                        failed = true
                        break
                    }
                    let value = previous + gap
                    values[index] = UInt32(value)
                    initialized = index + 1
                    previous = value
                }
                end = position
            }
        }
        guard !failed else { return nil }
        offset = end
        return values
    }

    mutating func readBytes() -> [UInt8]? {
        guard let count = readInt(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func readBool() -> Bool? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func readString() -> String? {
        guard let count = readInt(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    /// Moves past what `readStrings` reads without making the strings (no UTF-8 checks);
    /// `false` on truncated input.
    mutating func skipStrings() -> Bool {
        guard let count = readInt(), count >= 0, count <= bytes.count else { return false }
        for _ in 0..<count {
            guard let length = readInt(), length >= 0, offset + length <= bytes.count else { return false }
            offset += length
        }
        return true
    }

    mutating func readStrings() -> [String]? {
        guard let count = readInt(), count >= 0, count <= bytes.count else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = readString() else { return nil }
            texts.append(text)
        }
        return texts
    }
}
