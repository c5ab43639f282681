/// A 64-bit hash that is the same in every process and on every machine, unlike Swift's
/// `Hasher`, which is seeded per process. Used for build-cache keys, where a collision
/// would only cost a stale page until the next `--clean`; inputs are separated (and
/// their lengths mixed in) so that ("ab", "c") and ("a", "bc") differ.
///
/// Contiguous bytes are consumed eight at a time (little-endian words, multiplied and
/// folded), the rest one by one as FNV-1a: hashing every page's text for its key was 4 %
/// of a build's instructions with a byte-at-a-time FNV-1a.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    private static let wordMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    init() {}

    mutating func combine(bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            combine(buffer: UnsafeRawBufferPointer(buffer))
        }
        guard done == nil else { return }
        var count = 0
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= Self.fnvPrime
            count += 1
        }
        finish(count: count)
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

    mutating func combine(_ other: UInt64) {
        withUnsafeBytes(of: other.littleEndian) { combine(buffer: $0) }
    }

    private mutating func combine(buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            value = (value ^ word) &* Self.wordMultiplier
            value ^= value >> 32
            offset += 8
        }
        while offset < buffer.count {
            value ^= UInt64(buffer[offset])
            value &*= Self.fnvPrime
            offset += 1
        }
        finish(count: buffer.count)
    }

    /// Ends one input: its length and a separator byte, so that inputs cannot run together.
    private mutating func finish(count: Int) {
        value = (value ^ UInt64(truncatingIfNeeded: count)) &* Self.wordMultiplier
        value ^= 0xFF
        value &*= Self.fnvPrime
    }

    static func of(_ parts: String...) -> UInt64 {
        var hash = StableHash()
        for part in parts { hash.combine(part) }
        return hash.value
    }
}
