import Foundation
import Testing

@testable import QingshanKit

/// The index against the budget (below 40 % of the site's HTML), on a
/// synthetic site made from the source letter: pages of 10–40 of its sentences,
/// wrapped in a page shell of the size the default theme produces.
@Suite struct SearchIndexSizeTests {
    static let sentences: [String] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search/source-letter.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: { $0 == "。" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count > 4 }
    }()

    /// Header, navigation and government footer: about 4 KB, as in the default theme.
    static let shell =
        String(repeating: "<li><a href=\"../goals/index.html\">目标任务</a></li>\n", count: 12)
        + "<footer><p>主办单位：达州市生态环境局</p><p>网站标识码：5117000001</p><p>蜀ICP备12345678号</p></footer>"
        + String(repeating: "<meta name=\"SiteName\" content=\"万达开川渝统筹发展示范区生态环境协作\">\n", count: 20)

    static func site(pages: Int) -> (documents: [SearchDocument], htmlBytes: Int) {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var documents: [SearchDocument] = []
        var htmlBytes = 0
        for page in 0..<pages {
            let chosen = (0..<(10 + next(30))).map { _ in sentences[next(sentences.count)] }
            let title = String(chosen[0].prefix(12))
            let main = "<h1>\(title)</h1>" + chosen.map { "<p>\($0)。</p>" }.joined(separator: "\n")
            htmlBytes += ("<html><head><title>\(title)</title></head><body>" + shell + "<main>" + main + "</main></body></html>").utf8.count
            documents.append(
                SearchDocument(
                    url: "s\(page % 6)/p\(page).html", title: title, section: "栏目\(page % 6)",
                    text: HTMLText.plainText(fromHTML: main)))
        }
        return (documents, htmlBytes)
    }

    @Test func fixtureLoaded() {
        #expect(Self.sentences.count > 30)
    }

    @Test(arguments: [50, 400])
    func indexStaysWithinBudget(pages: Int) {
        let site = Self.site(pages: pages)
        let size = SearchIndex(documents: site.documents).size(comparedToHTMLBytes: site.htmlBytes)
        #expect(size.isWithinBudget, "\(size)")
    }
}
