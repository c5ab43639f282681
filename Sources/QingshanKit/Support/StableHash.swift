/// A 64-bit hash that is the same in every process and on every machine, unlike Swift's
/// `Hasher`, which is seeded per process. Used for build-cache keys, where a collision
/// would only cost a stale page until the next `--clean`; inputs are separated so that
/// ("ab", "c") and ("a", "bc") differ.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine(bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ combine(buffer: $0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { combine(buffer: $0) }
        }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: $0) }
    }

    /// Eight bytes a step (a byte-wise FNV loop over every page's text was a tenth of a
    /// one-page rebuild). Each step is a bijection of the state, so two inputs of the same
    /// length that differ in one word always differ after it.
    mutating func combine(buffer: UnsafeBufferPointer<UInt8>) {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state = value
        let count = buffer.count
        var index = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                state = (state ^ word) &* multiplier
                state ^= state >> 32
                index += 8
            }
        }
        var tail = UInt64(truncatingIfNeeded: count) << 56
        var shift: UInt64 = 0
        while index < count {
            tail ^= UInt64(buffer[index]) << shift
            shift += 8
            index += 1
        }
        state = (state ^ tail) &* multiplier
        value = state ^ (state >> 32)
        separate()
    }

    mutating func combine(_ number: Int) { combine(bytes: withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian, Array.init)) }

    mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

    mutating func combine(_ other: UInt64) { combine(bytes: withUnsafeBytes(of: other.littleEndian, Array.init)) }

    private mutating func separate() {
        value ^= 0xFF
        value &*= 0x0000_0100_0000_01b3
    }

    static func of(_ parts: String...) -> UInt64 {
        var hash = StableHash()
        for part in parts { hash.combine(part) }
        return hash.value
    }
}
