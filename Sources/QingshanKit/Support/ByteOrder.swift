import Foundation

/// Sorting texts by the bytes of their UTF-8 (`SourceFile.utf8Precedes`): as deterministic
/// as Unicode order, and several times faster over the tens of thousands of paths of a
/// large site.
enum ByteOrder {
    /// `strings` in the byte order of their UTF-8, compared as bytes copied once into one
    /// buffer: comparing the strings themselves, even through `memcmp`, was a third of
    /// encoding the cache and more than half of listing the sources.
    static func sorted(_ strings: [String]) -> [String] {
        var arena: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(strings.count)
        for string in strings {
            spans.append((arena.count, string.utf8.count))
            arena += string.utf8
        }
        var order = Array(strings.indices)
        arena.withUnsafeBufferPointer { bytes in
            order.sort { a, b in
                let (x, y) = (spans[a], spans[b])
                let common = min(x.count, y.count)
                let comparison = common == 0 ? 0 : memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, common)
                return comparison != 0 ? comparison < 0 : x.count < y.count
            }
        }
        return order.map { strings[$0] }
    }
}
