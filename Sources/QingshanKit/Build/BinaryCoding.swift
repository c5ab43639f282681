import Foundation

/// A compact, fast encoding for the build cache: little-endian integers and
/// length-prefixed UTF-8 strings. Reading tens of megabytes of search text takes
/// milliseconds, where JSON decoding takes seconds.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func write(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Bool) { data.append(value ? 1 : 0) }
    mutating func write(_ text: String) {
        let bytes = Array(text.utf8)
        write(bytes.count)
        data.append(contentsOf: bytes)
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

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return value
    }

    mutating func readInt() -> Int? { readUInt64().map { Int(Int64(bitPattern: $0)) } }

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
