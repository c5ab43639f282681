import Foundation
import Testing

@testable import QingshanKit

@Suite struct InjectionSafetyTests {
    static let hostileLinks = """
        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](vbscript:msgbox(3))
        [d](data:text/html;base64,PHNjcmlwdD4=) ![e](javascript:alert(5)) [f](file:///etc/passwd)
        ![ok](data:image/png;base64,iVBORw0K) [g][ref]

        [ref]: javascript:alert(7)
        """

    @Test(arguments: [false, true])
    func scriptURLsInMarkdownAreDroppedThroughLinkRewriting(rawHTML: Bool) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        if rawHTML { try site.append("markdown:\n  unsafe: true\n", to: "content/site.yaml") }
        try site.write("---\ntitle: 链接\n---\n\n" + Self.hostileLinks + "\n", to: "content/pages/links.md")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.succeeded, "\(result.diagnostics.items)")
        let html = String(decoding: try #require(result.files["links/index.html"]), as: UTF8.self).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html", "file:"] {
            #expect(!html.contains(scheme), "\(scheme) reached the page")
        }
        #expect(html.components(separatedBy: "href=\"\"").count - 1 == 6)
        #expect(html.contains("src=\"data:image/png;base64,ivborw0k\""))
    }

    @Test func rawHTMLIsOmittedUnlessOptedIn() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 原始\n---\n\n<script>alert(1)</script>\n\n段落 <img src=x onerror=alert(2)>\n", to: "content/pages/raw.md")
        let result = SiteBuilder(root: site.root).build()
        let html = String(decoding: try #require(result.files["raw/index.html"]), as: UTF8.self)
        #expect(!html.contains("<script>alert") && !html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test(arguments: [
        ("https://www.dazhou.gov.cn/", true), ("http://x.cn/a?b#c", true), ("mailto:office@example.cn", true),
        ("tel:12369", true), ("../files/报告.pdf", true), ("/zt/wdk/", true), ("#总的目标", true), ("images/a.png", true),
        ("", true), ("图:1.png", true), ("javascript:alert(1)", false), ("JAVASCRIPT:alert(1)", false),
        (" javascript:alert(1)", false), ("java\tscript:alert(1)", false), ("java\nscript:x", false),
        ("vbscript:msgbox", false), ("data:text/html,<script>", false), ("data:image/png;base64,AA", false),
        ("file:///etc/passwd", false), ("ftp://x", false), ("\u{1}javascript:x", false),
    ])
    func urlSafety(_ url: String, safe: Bool) {
        #expect(URLSafety.isSafe(url) == safe)
    }

    @Test func unsafeURLsInFrontMatterAreErrorsAtTheirValue() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let page = """
            ---
            title: 封面
            url: javascript:alert(1)
            coverURL: "vbscript:x"
            image: images/cover.png
            link: https://www.gov.cn/
            note: javascript:not-a-url-field
            ---

            正文
            """
        try site.write(page + "\n", to: "content/pages/cover.md")
        let result = SiteBuilder(root: site.root).build()
        let unsafe = result.diagnostics.sorted.filter { $0.message.id == "unsafe-url" }
        #expect(
            unsafe.map(\.location) == [
                SourceLocation(path: "content/pages/cover.md", line: 3, column: 6),
                SourceLocation(path: "content/pages/cover.md", line: 4, column: 11),
            ])
        #expect(unsafe.first?.message.text.contains("'url'") == true)
        #expect(result.files.isEmpty)
    }

    @Test func unsafeURLsInSiteConfigAreErrorsAtTheirValue() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let config = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    page: about.md\n", with: "    url: \"javascript:alert(1)\"\n")
            .replacingOccurrences(of: "  sponsor: 测试局\n", with: "  sponsor: 测试局\n  icpURL: vbscript:x\n")
        try site.write(config, to: "content/site.yaml")
        let result = SiteBuilder(root: site.root).build()
        let unsafe = result.diagnostics.sorted.filter { $0.message.id == "unsafe-url" }
        #expect(unsafe.map(\.location?.line) == [8, 13])
        #expect(result.files.isEmpty)
    }
}
