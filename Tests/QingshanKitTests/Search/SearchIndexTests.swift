import Foundation
import Testing
@testable import QingshanKit

@Suite struct SearchIndexTests {
    static let documents = [
        SearchDocument(url: "water/index.html", title: "水环境", section: "生态环境", text: "水环境 州河、铜钵河水质改善。"),
        SearchDocument(url: "funding/index.html", title: "资金保障", section: "投融资", text: "中国农业发展银行授信50.6亿元，ADBC贷款。"),
        SearchDocument(url: "index.html", title: "首页", section: "", text: "万达开"),
    ]

    /// The JSON object inside `window.QINGSHAN_SEARCH_INDEX = …;`.
    static func object(of script: String) throws -> [String: Any] {
        let prefix = "window.QINGSHAN_SEARCH_INDEX = "
        #expect(script.hasPrefix(prefix))
        #expect(script.hasSuffix("};\n"))
        let json = script.dropFirst(prefix.count).dropLast(2)
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(value as? [String: Any])
    }

    /// Decodes a token's postings to `[document: weight]`.
    static func postings(_ token: String, in object: [String: Any]) throws -> [Int: Int] {
        let tokens = try #require(object["tokens"] as? [String: [Int]])
        let flat = try #require(tokens[token], "no postings for \(token)")
        var result: [Int: Int] = [:]
        var document = 0
        for pair in stride(from: 0, to: flat.count, by: 2) {
            document += flat[pair]
            result[document] = flat[pair + 1]
        }
        return result
    }

    @Test func sameInputGivesSameBytes() {
        let first = SearchIndex.javaScript(for: Self.documents)
        for _ in 0..<5 {
            #expect(SearchIndex.javaScript(for: Self.documents) == first)
        }
    }

    @Test func structureHoldsDocumentsSectionsAndPostings() throws {
        let index = SearchIndex(documents: Self.documents)
        let object = try Self.object(of: index.javaScript)
        #expect(object["v"] as? Int == 1)
        #expect(object["sections"] as? [String] == ["", "投融资", "生态环境"])
        let docs = try #require(object["docs"] as? [[Any]])
        #expect(docs.count == 3)
        #expect(docs[0][0] as? String == "water/index.html")
        #expect(docs[0][1] as? String == "水环境")
        #expect(docs[0][2] as? Int == 2)
        // The leading copy of the title is not stored again.
        #expect(docs[0][3] as? String == "州河、铜钵河水质改善。")
        #expect(try Self.postings("铜钵", in: object) == [0: 1])
        #expect(try Self.postings("adbc", in: object) == [1: 1])
        #expect(try Self.postings("万达", in: object) == [2: 1])
        #expect(index.tokenCount == (object["tokens"] as? [String: Any])?.count)
    }

    @Test func titleHitsWeighMoreThanBodyHits() throws {
        let object = try Self.object(of: SearchIndex.javaScript(for: Self.documents))
        // 环境: in document 0's title (10), once in its text (1), in its section 生态环境 (2).
        let water = try Self.postings("环境", in: object)
        #expect(water[0] == 13)
        #expect(try Self.postings("生态", in: object) == [0: 2])
        #expect(try Self.postings("铜钵", in: object)[0]! < water[0]!)
    }

    @Test func postingsUseDocumentDeltas() throws {
        let documents = (0..<5).map { SearchDocument(url: "p\($0).html", title: "t", section: "", text: "河") }
        let script = SearchIndex.javaScript(for: documents)
        #expect(script.contains("\"河\":[0,1,1,1,1,1,1,1,1,1]"))
    }

    @Test func tokensAreSortedByUTF8Bytes() throws {
        let script = SearchIndex.javaScript(for: Self.documents)
        let tokens = try #require(script.range(of: "\"tokens\":{"))
        let keys = script[tokens.upperBound...].split(separator: "]").compactMap { part -> String? in
            guard let open = part.firstIndex(of: "\""), let colon = part.range(of: "\":[") else { return nil }
            return String(part[part.index(after: open)..<colon.lowerBound])
        }
        #expect(keys.count > 20)
        #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func escapesLineSeparatorsAndScriptEndings() throws {
        let hostile = SearchDocument(
            url: "a.html", title: "</script><script>alert(1)</script>",
            section: "<!--", text: "行\u{2028}分\u{2029}段 \"引\" \\ \u{1}")
        let script = SearchIndex.javaScript(for: [hostile])
        #expect(!script.contains("\u{2028}"))
        #expect(!script.contains("\u{2029}"))
        #expect(!script.lowercased().contains("</script"))
        #expect(!script.contains("<!--"))
        #expect(script.contains("\\u2028") && script.contains("\\u2029") && script.contains("\\u0001"))
        // Still valid JSON that decodes to the original strings.
        let object = try Self.object(of: script)
        let docs = try #require(object["docs"] as? [[Any]])
        #expect(docs[0][1] as? String == hostile.title)
        #expect(docs[0][3] as? String == hostile.text)
    }

    @Test func storedTextIsTruncatedButEverythingIsIndexed() throws {
        let long = String(repeating: "甲", count: 500) + "铜钵河"
        let index = SearchIndex(documents: [SearchDocument(url: "a.html", title: "A", section: "", text: long)],
                                storedTextLength: 100)
        let object = try Self.object(of: index.javaScript)
        let docs = try #require(object["docs"] as? [[Any]])
        #expect((docs[0][3] as? String)?.count == 100)
        #expect(try Self.postings("钵河", in: object) == [0: 1])
    }

    @Test func emptySiteGivesAnEmptyIndex() throws {
        let object = try Self.object(of: SearchIndex.javaScript(for: []))
        #expect((object["docs"] as? [Any])?.isEmpty == true)
        #expect((object["tokens"] as? [String: Any])?.isEmpty == true)
    }

    @Test func sizeIsReportedAgainstTheHTML() {
        let size = SearchIndexSize(indexBytes: 300 * 1024, htmlBytes: 1000 * 1024)
        #expect(size.isWithinBudget)
        #expect(size.description == "search index 300 KB, 30 % of 1000 KB of HTML")
        #expect(!SearchIndexSize(indexBytes: 41, htmlBytes: 100).isWithinBudget)
        let index = SearchIndex(documents: Self.documents)
        #expect(index.size(comparedToHTMLBytes: 10_000).indexBytes == index.javaScript.utf8.count)
    }
}
