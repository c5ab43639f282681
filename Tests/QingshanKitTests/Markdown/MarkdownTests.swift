import Foundation
import Testing

@testable import QingshanKit

@Suite struct MarkdownTests {
    @Test func chineseHeadingsGetStableUniqueIDs() {
        let rendered = Markdown.render("## 总体目标\n\n## 总体目标\n\n### Step 1: 十四五 期间\n\n## ！！\n", path: "a.md")
        #expect(rendered.headings.map(\.id) == ["总体目标", "总体目标-1", "step-1-十四五-期间", "section"])
        #expect(rendered.html.contains("<h2 id=\"总体目标-1\">总体目标</h2>"))
        #expect(rendered.headings.map(\.level) == [2, 2, 3, 2])
    }

    @Test func headingIDsSkipTakenSuffixes() {
        var ids = HeadingIDGenerator()
        #expect(ids.id(for: "a-1") == "a-1")
        #expect(ids.id(for: "a") == "a")
        #expect(ids.id(for: "a") == "a-2")
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let source = "<script>alert(1)</script>\n\n正文 <b>粗</b>\n"
        let safe = Markdown.render(source, path: "a.md")
        #expect(!safe.html.contains("<script>"))
        #expect(!safe.html.contains("<b>"))
        var options = MarkdownOptions()
        options.allowRawHTML = true
        let unsafe = Markdown.render(source, path: "a.md", options: options)
        #expect(unsafe.html.contains("<b>粗</b>"))
    }

    @Test func dangerousURLsAreDroppedBySafeMode() {
        let rendered = Markdown.render("[x](javascript:alert(1)) ![y](data:text/html;base64,AAAA)\n", path: "a.md")
        #expect(!rendered.html.contains("javascript:"))
        #expect(!rendered.html.contains("data:text/html"))
    }

    @Test func linkPositionsCountFrontMatterLinesAndUTF8Bytes() {
        let seen = Locations()
        var options = MarkdownOptions()
        options.resolveLink = { destination, location in
            seen.append("\(destination)@\(location)")
            return .keep
        }
        _ = Markdown.render("第一行\n\n中文 [链接](a.md) 和 [另一个](b.md)\n", path: "p.md", lineOffset: 4, options: options)
        // "中文 " is 7 bytes, so the first link starts at byte column 8 of file line 4 + 3;
        // the second after "[链接](a.md) 和 " (14 + 5 bytes more), at 27.
        #expect(seen.values == ["a.md@p.md:7:8", "b.md@p.md:7:27"])
    }

    @Test func linksAreRewrittenAndDeadOnesReported() {
        var options = MarkdownOptions()
        options.resolveLink = { destination, location in
            destination == "good.md" ? .replace("good/index.html") : .invalid(.error(.brokenPageLink(destination), at: location))
        }
        let rendered = Markdown.render("[a](good.md) [b](bad.md)\n", path: "p.md", options: options)
        #expect(rendered.html.contains("href=\"good/index.html\""))
        #expect(rendered.diagnostics.map(\.description) == ["p.md:1:14: error: link to 'bad.md', which is not a page under content/pages"])
    }

    @Test func dataBlocksAreReplacedWithTheirHTML() {
        var options = MarkdownOptions()
        options.blockViews = ["stat"]
        options.renderBlock = { view, _, body, start in
            RenderedBlock(html: "<div class=\"\(view)\">\(body.count) at \(start)</div>", datasetsUsed: ["villages"])
        }
        let rendered = Markdown.render("前\n\n```stat\nsource: villages\n```\n\n```swift\nlet x = 1\n```\n", path: "p.md", lineOffset: 2, options: options)
        #expect(rendered.html.contains("<div class=\"stat\">17 at p.md:6:1</div>"))
        #expect(rendered.html.contains("<code class=\"language-swift\">"))
        #expect(rendered.datasetsUsed == ["villages"])
    }

    @Test func deepBlockQuotesDoNotOverflowTheStack() {
        let depth = 25_000
        let source = String(repeating: "> ", count: depth) + "深\n\n## 标题\n"
        let rendered = Markdown.render(source, path: "deep.md")
        #expect(rendered.html.contains("深"))
        #expect(rendered.headings.count == 1)
    }

    @Test func linkedLibraryVersionIsKnown() {
        #expect(Markdown.cmarkVersion.split(separator: ".").count == 3)
    }
}

/// Collects values from `@Sendable` closures in tests.
final class Locations: @unchecked Sendable {
    private(set) var values: [String] = []
    private let lock = NSLock()
    func append(_ value: String) { lock.withLock { values.append(value) } }
}
