import Testing

@testable import QingshanKit

/// `BuildCache.keysInByteOrder` sorts as `SourceFile.utf8Precedes` does.
struct CacheKeyOrderTests {
    @Test func sortsByTheBytesOfTheKeys() {
        var random = SeededRandom(seed: 21)
        let parts = ["", "a", "b", "content/pages/", "报告", "é", "e\u{301}", "Z", "a/b", "a.b", "~", "\u{0}"]
        var dictionary: [String: Int] = [:]
        for index in 0..<500 {
            let key = (0..<Int(random.next() % 4)).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined()
            dictionary[key] = index
        }
        #expect(BuildCache.keysInByteOrder(dictionary) == dictionary.keys.sorted(by: SourceFile.utf8Precedes))
        #expect(BuildCache.keysInByteOrder([String: Int]()).isEmpty)
    }
}
