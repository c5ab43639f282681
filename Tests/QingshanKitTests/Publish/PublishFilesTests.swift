import Foundation
import Testing

@testable import QingshanKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The sitemap, feed and robots.txt, parsed back with a real XML parser.
@Suite struct PublishFilesTests {
    static func config(baseURL: String? = "https://sthjj.dazhou.gov.cn/zt/wdk/") -> SiteConfig {
        var config = SiteConfig(title: "万达开生态文明示范区")
        config.description = "万达开川渝统筹发展示范区生态环境协同发展专栏"
        config.baseURL = baseURL
        config.footer["sponsor"] = "达州市生态环境局"
        return config
    }

    static let pages: [PublishedPage] = [
        PublishedPage(outputPath: "index.html", title: "首页", isSectionIndex: true),
        PublishedPage(outputPath: "goals/index.html", title: "总体目标", summary: "到2025年", date: "2021-03-05", lastmod: "2022-01-01"),
        PublishedPage(outputPath: "updates/index.html", title: "工作动态", summary: "工作进展", section: "updates", isSectionIndex: true),
        PublishedPage(
            outputPath: "updates/meeting/index.html", title: "联席会议 & <第一次>", summary: "座谈会 <纪要> & 共识",
            date: "2020-04-16", section: "updates"),
        PublishedPage(outputPath: "updates/loan/index.html", title: "农发行贷款", date: "2021-03", lastmod: "2021-03-20", section: "updates"),
        PublishedPage(outputPath: "updates/undated/index.html", title: "未注日期", section: "updates"),
        PublishedPage(outputPath: "rural-remediation/villages/铜钵河 村/index.html", title: "铜钵河村", section: "rural-remediation"),
        PublishedPage(outputPath: "404.html", title: "页面不存在"),
    ]

    static func make(_ config: SiteConfig = config(), pages: [PublishedPage] = pages, epoch: Int? = nil) -> (files: [String: Data], diagnostics: [Diagnostic]) {
        PublishFiles.make(config: config, pages: pages, sourceDateEpoch: epoch)
    }

    static func xml(_ data: Data?) throws -> XMLElement {
        let data = try #require(data)
        return try #require(try XMLDocument(data: data, options: []).rootElement())
    }

    static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.elements(forName: name)
    }

    static func text(_ element: XMLElement, _ name: String) -> String? {
        element.elements(forName: name).first?.stringValue
    }

    /// By name from `attributes`: on Linux, `attribute(forName:)` misses attributes of
    /// elements in a default namespace (swift-corelibs-foundation).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    @Test func withoutBaseURLNothingIsMadeAndANoteSaysSo() {
        let (files, diagnostics) = Self.make(Self.config(baseURL: nil))
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.message) == [.publishWithoutBaseURL])
        #expect(diagnostics.first?.severity == .note)
        #expect(PublishFiles.headValues(for: Self.pages[1], config: Self.config(baseURL: nil), hasFeed: true) == PageHeadValues())
    }

    @Test(arguments: ["/zt/wdk/", "ftp://example.org/", "https://", "https://example.org/a?b=c", "https://例子.中国/"])
    func invalidBaseURLIsAnError(_ baseURL: String) {
        let (files, diagnostics) = Self.make(Self.config(baseURL: baseURL))
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.message) == [.invalidBaseURL(baseURL)])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func sitemapListsEveryPageSortedWithContentDatesOnly() throws {
        let (files, diagnostics) = Self.make()
        #expect(Set(files.keys) == ["sitemap.xml", "feed.xml", "robots.txt"])
        #expect(diagnostics.map(\.message) == [.robotsUnderSubPath("/zt/wdk/")])
        let root = try Self.xml(files["sitemap.xml"])
        #expect(root.name == "urlset")
        #expect(root.uri == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = Self.children(root, "url")
        let locs = urls.compactMap { Self.text($0, "loc") }
        #expect(locs == locs.sorted())
        #expect(locs.count == 7, "every page but 404.html")
        #expect(!locs.contains { $0.hasSuffix("404.html") })
        #expect(locs.first == "https://sthjj.dazhou.gov.cn/zt/wdk/goals/index.html")
        // Chinese and the space percent-encoded as UTF-8.
        #expect(locs.contains("https://sthjj.dazhou.gov.cn/zt/wdk/rural-remediation/villages/%E9%93%9C%E9%92%B5%E6%B2%B3%20%E6%9D%91/index.html"))
        var lastmods: [String: String] = [:]
        for url in urls {
            if let loc = Self.text(url, "loc"), let lastmod = Self.text(url, "lastmod") { lastmods[loc] = lastmod }
        }
        let base = "https://sthjj.dazhou.gov.cn/zt/wdk/"
        #expect(
            lastmods == [
                base + "goals/index.html": "2022-01-01",
                base + "updates/meeting/index.html": "2020-04-16",
                base + "updates/loan/index.html": "2021-03-20",
            ])
    }

    @Test func feedIsAtomWithUpdatesNewestFirstAndEscapedTitles() throws {
        let root = try Self.xml(Self.make().files["feed.xml"])
        #expect(root.name == "feed")
        #expect(root.uri == "http://www.w3.org/2005/Atom")
        #expect(Self.attribute(root, "xml:lang") == "zh-CN")
        #expect(Self.text(root, "title") == "工作动态 - 万达开生态文明示范区")
        #expect(Self.text(root, "id") == "https://sthjj.dazhou.gov.cn/zt/wdk/feed.xml")
        let links = Self.children(root, "link").map { (Self.attribute($0, "rel"), Self.attribute($0, "href")) }
        #expect(links.contains { $0.0 == "self" && $0.1 == "https://sthjj.dazhou.gov.cn/zt/wdk/feed.xml" })
        #expect(links.contains { $0.0 == "alternate" && $0.1 == "https://sthjj.dazhou.gov.cn/zt/wdk/updates/index.html" })
        #expect(Self.text(try #require(Self.children(root, "author").first), "name") == "达州市生态环境局")

        let entries = Self.children(root, "entry")
        // The undated entry takes the newest date of the section (no SOURCE_DATE_EPOCH), not
        // the newer one of `goals`: the feed depends on the section's pages alone. The loan
        // page, dated by month only, sorts by its `lastmod`, the same day: path order.
        #expect(entries.compactMap { Self.text($0, "title") } == ["农发行贷款", "未注日期", "联席会议 & <第一次>"])
        #expect(
            entries.compactMap { Self.text($0, "updated") } == [
                "2021-03-20T00:00:00+08:00", "2021-03-20T00:00:00+08:00", "2020-04-16T00:00:00+08:00",
            ])
        // Dated by month only: no day is invented, so the entry has no <published>.
        #expect(Self.text(entries[0], "published") == nil)
        #expect(Self.text(entries[2], "summary") == "座谈会 <纪要> & 共识")
        #expect(Self.text(entries[2], "id") == "https://sthjj.dazhou.gov.cn/zt/wdk/updates/meeting/index.html")
        // The feed's date is its newest entry's, never the wall clock.
        #expect(Self.text(root, "updated") == "2021-03-20T00:00:00+08:00")
    }

    @Test func sourceDateEpochDatesOnlyWhatContentDoesNot() throws {
        // 2021-06-01T00:00:00Z, 08:00 in Beijing.
        let root = try Self.xml(Self.make(epoch: 1_622_505_600).files["feed.xml"])
        let entries = Self.children(root, "entry")
        #expect(
            entries.compactMap { Self.text($0, "updated") } == [
                "2021-06-01T08:00:00+08:00", "2021-03-20T00:00:00+08:00", "2020-04-16T00:00:00+08:00",
            ])
        #expect(Self.text(root, "updated") == "2021-06-01T08:00:00+08:00")
        // With every entry dated, the epoch changes nothing.
        let dated = Self.pages.filter { $0.title != "未注日期" }
        #expect(Self.make(pages: dated, epoch: 1_622_505_600).files == Self.make(pages: dated, epoch: 1_900_000_000).files)
    }

    @Test func sameContentGivesSameBytesWhateverTheOrder() {
        #expect(Self.make().files == Self.make(pages: Self.pages.reversed()).files)
    }

    @Test func noUpdatesSectionNoFeed() {
        let pages = Self.pages.filter { $0.section != "updates" }
        #expect(!PublishFiles.hasFeed(pages: pages))
        #expect(Set(Self.make(pages: pages).files.keys) == ["sitemap.xml", "robots.txt"])
    }

    @Test func robotsNamesTheSitemap() throws {
        let robots = String(decoding: try #require(Self.make().files["robots.txt"]), as: UTF8.self)
        #expect(robots.hasPrefix("User-agent: *\n"))
        #expect(robots.contains("\nSitemap: https://sthjj.dazhou.gov.cn/zt/wdk/sitemap.xml\n"))
    }

    @Test func domainRootNeedsNoRobotsNote() {
        #expect(Self.make(Self.config(baseURL: "https://WDK.example.org")).diagnostics.isEmpty)
        #expect(PublishBase("https://WDK.example.org")?.url == "https://wdk.example.org/")
    }

    @Test func headValuesOfAnArticleAndOfTheHomePage() {
        let config = Self.config()
        let article = PublishFiles.headValues(for: Self.pages[3], config: config, hasFeed: true)
        #expect(article.canonicalURL == "https://sthjj.dazhou.gov.cn/zt/wdk/updates/meeting/index.html")
        #expect(article.ogURL == article.canonicalURL)
        #expect(article.ogTitle == "联席会议 & <第一次>")
        #expect(article.ogDescription == "座谈会 <纪要> & 共识")
        #expect(article.ogType == "article")
        #expect(article.ogSiteName == "万达开生态文明示范区")
        #expect(article.ogLocale == "zh_CN")
        #expect(article.feedURL == "../../feed.xml")
        let home = PublishFiles.headValues(for: Self.pages[0], config: config, hasFeed: false)
        #expect(home.canonicalURL == "https://sthjj.dazhou.gov.cn/zt/wdk/index.html")
        #expect(home.ogTitle == "万达开生态文明示范区")
        #expect(home.ogDescription == config.description)
        #expect(home.ogType == "website")
        #expect(home.feedURL.isEmpty)
        #expect(
            Set(home.templateValues.keys) == [
                "canonicalURL", "ogTitle", "ogDescription", "ogURL", "ogType", "ogSiteName", "ogLocale", "feedURL", "feedTitle", "robots", "baseHref",
            ])
        #expect(home.robots.isEmpty && home.baseHref.isEmpty)
    }

    @Test func theNotFoundPageIsNoindexWithoutCanonicalAndWorksAtAnyDepth() {
        let notFound = Self.pages[7]
        #expect(notFound.outputPath == "404.html")
        let head = PublishFiles.headValues(for: notFound, config: Self.config(), hasFeed: true)
        #expect(head.robots == "noindex")
        #expect(head.canonicalURL.isEmpty && head.ogURL.isEmpty && head.feedURL.isEmpty)
        #expect(head.baseHref == "https://sthjj.dazhou.gov.cn/zt/wdk/")
        let plain = PublishFiles.headValues(for: notFound, config: Self.config(baseURL: nil), hasFeed: false)
        #expect(plain.robots == "noindex" && plain.baseHref.isEmpty)
    }

    @Test(arguments: [
        (0, "1970-01-01T08:00:00+08:00"),
        (951_782_400, "2000-02-29T08:00:00+08:00"),
        (1_614_873_599, "2021-03-04T23:59:59+08:00"),
        (4_107_542_400, "2100-03-01T08:00:00+08:00"),
    ])
    func unixTimesAsBeijingTimestamps(_ seconds: Int, _ expected: String) {
        #expect(FeedDate.timestamp(fromUnixTime: seconds) == expected)
    }

    @Test(arguments: [("2021-03-05", "2021-03-05T00:00:00+08:00"), ("2021-03", nil), ("2021-3-5", nil)] as [(String, String?)])
    func contentDatesAsTimestamps(_ date: String, _ expected: String?) {
        #expect(FeedDate.timestamp(fromContentDate: date) == expected)
    }

    @Test func aMonthOnlyDateGivesNoSitemapLastmod() throws {
        let pages = [PublishedPage(outputPath: "updates/april/index.html", title: "四月", date: "2020-04", section: "updates")]
        let sitemap = String(decoding: try #require(Self.make(pages: pages).files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://sthjj.dazhou.gov.cn/zt/wdk/updates/april/index.html</loc>"))
        #expect(!sitemap.contains("<lastmod>"))
    }
}
