import Foundation
import Testing

@testable import QingshanKit

/// An index patched from the last build's (``SearchTokenCache``) has the bytes of one
/// made whole from the same documents, whatever changed.
@Suite struct SearchIndexPatchTests {
    /// Words and CJK phrases the random documents are made of: a small vocabulary, so
    /// documents share tokens and edits both add and remove postings.
    static let vocabulary = [
        "铜钵河", "水质", "改善", "州河", "农业", "银行", "授信", "贷款", "万达开", "生态", "环境", "资金", "保障", "ADBC", "river", "water",
        "quality", "bank", "loan", "达州", "开州", "万州", "治理", "\"quoted\"", "a<b", "行\u{2028}分",
    ]

    static func document(_ random: inout SeededRandom, url: String) -> SearchDocument {
        func words(_ count: Int) -> String {
            (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        }
        let sections = ["", "生态环境", "投融资", "news"]
        return SearchDocument(
            url: url, title: words(1 + Int(random.next() % 2)), section: sections[Int(random.next() % UInt64(sections.count))],
            text: words(Int(random.next() % 40)))
    }

    /// Builds the index of `documents` from `cache` (replacing it) and the script `last`
    /// (replacing it), as a site build does with the one in its output folder.
    static func built(_ documents: [SearchDocument], cache: inout SearchTokenCache, last: inout Data?) -> SearchIndex {
        let entries = documents.map { SearchEntry($0) }
        let byKey = Dictionary(zip(entries.map(\.key), documents), uniquingKeysWith: { a, _ in a })
        let file = last
        let index = SearchIndex(entries: entries, documents: byKey, cache: &cache, lastFile: { file })
        last = index.data
        return index
    }

    /// Whether the next build patches: as many documents, the last script, and a cache not
    /// to be renumbered.
    static func patches(_ documents: [SearchDocument], cache: SearchTokenCache, last: Data?) -> Bool {
        let entries = documents.map { SearchEntry($0) }
        let byKey = Dictionary(zip(entries.map(\.key), documents), uniquingKeysWith: { a, _ in a })
        let sections = Array(Set(entries.map(\.section))).sorted(by: SearchIndex.utf8Order)
        let numbers = entries.map { sections.firstIndex(of: $0.section)! }
        var cache = cache
        guard let last, cache.loadBodies(from: last) else { return false }
        return SearchIndex.patched(entries: entries, sections: numbers, documents: byKey, cache: cache) != nil
    }

    /// `cache` written and read back.
    static func roundTripped(_ cache: SearchTokenCache) throws -> SearchTokenCache {
        var writer = BinaryWriter()
        cache.write(to: &writer)
        var reader = BinaryReader(writer.data)
        let read = try #require(SearchTokenCache.read(from: &reader))
        #expect(reader.isAtEnd)
        return read
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomEditsGiveTheBytesOfAWholeIndex(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var documents = (0..<12).map { Self.document(&random, url: "p\($0)/index.html") }
        var cache = SearchTokenCache()
        var last: Data?
        _ = Self.built(documents, cache: &cache, last: &last)
        for round in 0..<20 {
            let edits = 1 + Int(random.next() % 3)
            for _ in 0..<edits {
                let d = Int(random.next() % UInt64(documents.count))
                switch random.next() % 6 {
                case 0: documents[d].text += " " + Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))]
                case 1: documents[d].text = String(documents[d].text.dropFirst(documents[d].text.count / 2))
                case 2: documents[d].url = "moved\(round)/index.html"
                case 3: documents[d].section = "新栏目\(round % 3)"
                case 4: documents[d] = documents[Int(random.next() % UInt64(documents.count))]
                default: documents[d] = Self.document(&random, url: documents[d].url)
                }
            }
            // A unique token appears, and the one of the round before disappears.
            for d in documents.indices {
                documents[d].text = documents[d].text.replacingOccurrences(of: " 独有\(round - 1)词 unique\(round - 1)", with: "")
            }
            documents[round % documents.count].text += " 独有\(round)词 unique\(round)"
            #expect(Self.patches(documents, cache: cache, last: last))
            // Every other round patches the cache as read back (postings as bytes), the
            // others the one the last build left in memory (postings as lists).
            if round % 2 == 1 { cache = try Self.roundTripped(cache) }
            let patched = Self.built(documents, cache: &cache, last: &last)
            let whole = SearchIndex(documents: documents)
            #expect(patched.javaScript == whole.javaScript, "seed \(seed), round \(round)")
            #expect(patched.tokenCount == whole.tokenCount)
        }
    }

    @Test func addingAndRemovingDocumentsMakesTheIndexWhole() throws {
        var random = SeededRandom(seed: 9)
        var documents = (0..<10).map { Self.document(&random, url: "p\($0)/index.html") }
        var cache = SearchTokenCache()
        var last: Data?
        _ = Self.built(documents, cache: &cache, last: &last)
        documents.insert(Self.document(&random, url: "new/index.html"), at: 3)
        #expect(!Self.patches(documents, cache: cache, last: last))
        #expect(Self.built(documents, cache: &cache, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
        documents[5].text += " 新词"
        #expect(Self.built(documents, cache: &cache, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
        documents.remove(at: 7)
        documents.remove(at: 0)
        #expect(Self.built(documents, cache: &cache, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
        documents[2].title = "改名"
        #expect(Self.patches(documents, cache: cache, last: last))
        #expect(Self.built(documents, cache: &cache, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
    }

    @Test func everyTokenGoneAndBack() throws {
        let full = [SearchDocument(url: "a.html", title: "铜钵河", section: "", text: "水质 water")]
        let empty = [SearchDocument(url: "a.html", title: "", section: "", text: "")]
        var cache = SearchTokenCache()
        var last: Data?
        for documents in [full, empty, empty, full, empty] {
            #expect(Self.built(documents, cache: &cache, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
        }
    }

    /// A cache written and read back patches the same way, and a damaged one is refused.
    @Test func cacheRoundTripsThroughItsEncoding() throws {
        var random = SeededRandom(seed: 4)
        var documents = (0..<8).map { Self.document(&random, url: "p\($0)/index.html") }
        var cache = SearchTokenCache()
        var last: Data?
        _ = Self.built(documents, cache: &cache, last: &last)
        var writer = BinaryWriter()
        cache.write(to: &writer)
        var reader = BinaryReader(writer.data)
        var read = try #require(SearchTokenCache.read(from: &reader))
        #expect(reader.isAtEnd)
        documents[3].text += " 新词 fresh"
        #expect(Self.built(documents, cache: &read, last: &last).javaScript == SearchIndex(documents: documents).javaScript)
        // A script changed since it was written is not patched: the index is made whole.
        var changed = try #require(last)
        changed[changed.count / 2] ^= 1
        documents[4].text += " 又一词"
        #expect(!Self.patches(documents, cache: read, last: changed))
        var edited: Data? = changed
        #expect(Self.built(documents, cache: &read, last: &edited).javaScript == SearchIndex(documents: documents).javaScript)
        var truncated = BinaryReader(writer.data.dropLast(3))
        #expect(SearchTokenCache.read(from: &truncated) == nil)
    }
}
