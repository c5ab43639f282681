import Foundation
import Testing

@testable import QingshanKit

/// The default theme's head with the values of `PublishFiles.headValues`, as the page
/// context will carry them under `page`.
@Suite struct PublishHeadTests {
    func html(page: PublishedPage, baseURL: String?) throws -> String {
        let theme = try DefaultTheme()
        var config = SiteConfig(title: "万达开 & <示范区>")
        config.baseURL = baseURL
        var context = try DefaultThemeTests.context(for: "page")
        var pageValues = try #require(context["page"] as? [String: Any])
        for (key, value) in PublishFiles.headValues(for: page, config: config, hasFeed: true).templateValues { pageValues[key] = value }
        context["page"] = pageValues
        return try #require(theme.render(layout: "page", context: context))
    }

    func head(page: PublishedPage, baseURL: String?) throws -> String {
        let html = try html(page: page, baseURL: baseURL)
        return String(html[..<(try #require(html.range(of: "</head>"))).lowerBound])
    }

    static let page = PublishedPage(outputPath: "updates/a&b/index.html", title: "会议 \"纪要\" & <共识>", summary: "", date: "2021-03-05", section: "updates")

    @Test func tagsAreEscapedAndAbsolute() throws {
        let head = try head(page: Self.page, baseURL: "https://sthjj.dazhou.gov.cn/zt/wdk/")
        #expect(head.contains(#"<link rel="canonical" href="https://sthjj.dazhou.gov.cn/zt/wdk/updates/a%26b/index.html">"#))
        #expect(head.contains(#"<meta property="og:title" content="会议 &quot;纪要&quot; &amp; &lt;共识&gt;">"#))
        // No summary: the site's description, and here that is empty, so no tag at all.
        #expect(!head.contains("og:description"))
        #expect(head.contains(#"<meta property="og:site_name" content="万达开 &amp; &lt;示范区&gt;">"#))
        #expect(head.contains(#"<meta property="og:type" content="article">"#))
        #expect(head.contains(#"<meta property="og:locale" content="zh_CN">"#))
        #expect(head.contains(#"<link rel="alternate" type="application/atom+xml" title="万达开 &amp; &lt;示范区&gt;" href="../../feed.xml">"#))
    }

    @Test func withoutBaseURLTheHeadHasNoneOfThem() throws {
        let head = try head(page: Self.page, baseURL: nil)
        for absent in ["canonical", "og:", "application/atom+xml", "https://"] {
            #expect(!head.contains(absent), "\(absent)")
        }
    }

    /// The lead adds `feed.xml` to the build's files before the output checks run: then the
    /// feed link resolves, and the canonical URL (not fetched) passes the offline audit.
    @Test func outputChecksAcceptTheTags() throws {
        let html = try html(page: Self.page, baseURL: "https://sthjj.dazhou.gov.cn/zt/wdk/")
        let files: [String: [UInt8]] = ["updates/a&b/index.html": Array(html.utf8), "feed.xml": Array("<feed/>".utf8)]
        let findings = OutputChecker.check(files: files, options: OutputCheckOptions())
        let about = findings.filter { $0.message.text.contains("feed.xml") || $0.message.text.contains("sthjj") }
        #expect(about.isEmpty, "\(about)")
        let withoutFeed = OutputChecker.check(files: files.filter { $0.key != "feed.xml" }, options: OutputCheckOptions())
        #expect(withoutFeed.contains { $0.message.text.contains("feed.xml") }, "the check does see the feed link")
    }
}
