import Foundation
import Testing

@testable import QingshanKit

/// A Markdown link to a page's folder resolves to that page, as a link to its `.md` does;
/// a folder without a page is an error at the Markdown line.
@Suite struct FolderLinkTests {
    @Test func aFolderLinkBecomesItsPage() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 链接\n---\n\n[动态](../news/) [首页](../) [本页](./#top) [同上](..)\n", to: "content/pages/links.md")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        let html = String(decoding: try #require(result.files["links/index.html"]), as: UTF8.self)
        #expect(html.contains("href=\"../news/index.html\""))
        #expect(html.contains("href=\"../index.html\""))
        #expect(html.contains("href=\"../links/index.html#top\""))
        #expect(!html.contains("href=\"..\""))
    }

    @Test func aFolderWithoutAPageIsAnErrorAtTheMarkdownLine() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 链接\n---\n\n正文。\n\n见 [资金](../funding/)。\n", to: "content/pages/links.md")
        let result = SiteBuilder(root: site.root).build()
        let errors = result.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.map(\.message.id) == ["broken-link"])
        // Columns count UTF-8 bytes: `见 ` is four.
        #expect(errors.first?.location == SourceLocation(path: "content/pages/links.md", line: 7, column: 5))
    }
}
