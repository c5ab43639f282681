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

    /// A token's postings as `[document: level]`.
    static func postings(_ token: String, in object: [String: Any]) throws -> [Int: Int] {
        let groups = try #require(object["tokens"] as? [String: [String: String]])
        let first = String(token.unicodeScalars.first!)
        let encoded = try #require(groups[first]?[String(token.unicodeScalars.dropFirst())], "no postings for \(token)")
        return Dictionary(uniqueKeysWithValues: SearchIndex.decoded(encoded).map { ($0.document, $0.level) })
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
        #expect(try Self.postings("铜钵", in: object) == [0: 0])
        #expect(try Self.postings("adbc", in: object) == [1: 0])
        #expect(try Self.postings("万达", in: object) == [2: 0])
        let groups = try #require(object["tokens"] as? [String: [String: String]])
        #expect(index.tokenCount == groups.values.map(\.count).reduce(0, +))
    }

    @Test func levelsRecordTitleAndHitCounts() throws {
        let object = try Self.object(of: SearchIndex.javaScript(for: Self.documents))
        // 环境: in document 0's title (4), once in its text and once in its section (class 1).
        #expect(try Self.postings("环境", in: object) == [0: 5])
        #expect(try Self.postings("生态", in: object) == [0: 0])
        #expect(SearchIndex.hitClass(1) == 0 && SearchIndex.hitClass(4) == 2 && SearchIndex.hitClass(60) == 3)
    }

    @Test func postingsRoundTrip() {
        let postings = [(0, 0), (1, 7), (2, 4), (33, 1), (40_000, 3), (40_001, 0)]
            .map { SearchIndex.Posting(document: $0, level: $1) }
        let encoded = SearchIndex.encoded(postings)
        #expect(SearchIndex.decoded(encoded) == postings)
        // Close documents cost one character each.
        #expect(encoded.hasPrefix("0fc"))
    }

    @Test func tokensAreGroupedByFirstCharacterInUTF8Order() {
        let script = SearchIndex.javaScript(for: [
            SearchDocument(url: "a.html", title: "", section: "", text: "河水 ab"),
            SearchDocument(url: "b.html", title: "", section: "", text: "河"),
        ])
        #expect(script.hasSuffix(#""tokens":{"a":{"b":"0"},"水":{"":"0"},"河":{"":"08","水":"0"}}};"# + "\n"))
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
        let index = SearchIndex(
            documents: [SearchDocument(url: "a.html", title: "A", section: "", text: long)],
            storedTextLength: 100)
        let object = try Self.object(of: index.javaScript)
        let docs = try #require(object["docs"] as? [[Any]])
        #expect((docs[0][3] as? String)?.count == 100)
        #expect(try Self.postings("钵河", in: object) == [0: 0])
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

/// `Fixtures/search/sample-index.js` is the index of `sample-documents.json` as this
/// builder writes it; the node tests run `search.js` on it, so the two sides agree on
/// the format. Record after a format change with `QINGSHAN_RECORD=1 swift test --filter SampleIndexFixture`.
@Suite struct SampleIndexFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/search")

    @Test func sampleIndexIsCurrent() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("sample-documents.json"))
        struct Document: Decodable { var url, title, section, text: String }
        let documents = try JSONDecoder().decode([Document].self, from: data)
            .map { SearchDocument(url: $0.url, title: $0.title, section: $0.section, text: $0.text) }
        let script = SearchIndex.javaScript(for: documents)
        let file = Self.folder.appendingPathComponent("sample-index.js")
        if ProcessInfo.processInfo.environment["QINGSHAN_RECORD"] == "1" {
            try script.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.lastPathComponent); run again without QINGSHAN_RECORD")
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(recorded == script, "sample-index.js is stale: record it again")
    }
}
