/// A 64-bit FNV-1a hash that is the same in every process and on every machine,
/// unlike Swift's `Hasher`, which is seeded per process. Used for build-cache keys,
/// where a collision would only cost a stale page until the next `--clean`; inputs
/// are separated so that ("ab", "c") and ("a", "bc") differ.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        separate()
    }

    mutating func combine(_ text: String) { combine(bytes: text.utf8) }

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
