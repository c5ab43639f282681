import Foundation
import Testing

@testable import QingshanKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The publishing files and the manifest over a real build of the `basic` fixture, the way
/// the pipeline will call them: pages from the site model, files added to the build's.
@Suite struct PublishPipelineTests {
    /// A build of `site` with the publishing files added, as the lead's integration will do.
    static func build(_ site: TemporarySite) throws -> [String: Data] {
        let result = SiteBuilder(root: site.root).build()
        #expect(result.succeeded, "\(result.diagnostics.sorted)")
        let (content, _) = ContentLoader.load(root: site.root)
        let loaded = try #require(content)
        let pages = loaded.pages.map(PublishedPage.init)
        let publish = PublishFiles.make(config: loaded.config, pages: pages, sourceDateEpoch: nil)
        #expect(!publish.diagnostics.contains { $0.severity == .error })
        return result.files.merging(publish.files) { _, new in new }
    }

    @Test func editingOnePageChangesThatPageAndTheSitemapOnly() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("baseURL: https://example.gov.cn/zt/test/\n", to: "content/site.yaml")
        let before = DeployManifest(files: try Self.build(site))
        #expect(before.files.map(\.path).contains("sitemap.xml"))
        #expect(!before.files.map(\.path).contains("feed.xml"), "the fixture has no updates section")

        // A new `lastmod` and one more sentence on the about page.
        let aboutPath = "content/pages/about.md"
        let about = try String(contentsOf: site.root.appendingPathComponent(aboutPath), encoding: .utf8)
        try site.write(about.replacingOccurrences(of: "date: 2021-03-05\n", with: "date: 2021-03-05\nlastmod: 2021-04-01\n") + "\n补充一句。\n", to: aboutPath)
        let changes = DeployManifest(files: try Self.build(site)).diff(from: before)

        #expect(changes.added.isEmpty)
        #expect(changes.removed.isEmpty)
        #expect(changes.changed.contains("about/index.html"))
        #expect(changes.changed.contains("sitemap.xml"))
        // The search index holds the page's text; nothing else depends on the about page.
        #expect(Set(changes.changed).subtracting(["about/index.html", "sitemap.xml", "search-index.js"]).isEmpty, "\(changes.changed)")
    }

    @Test func withoutBaseURLTheBuildGainsNothing() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let files = try Self.build(site)
        #expect(files[PublishFiles.sitemapPath] == nil)
        #expect(files[PublishFiles.feedPath] == nil)
        #expect(files[PublishFiles.robotsPath] == nil)
    }
}

/// The bundled site, published at the bureau's address: every 工作动态 page is in the feed
/// with its own date, and the build's output checks accept the head tags.
@Suite struct BundledSitePublishTests {
    @Test func feedOfTheBundledSiteUsesContentDatesOnly() throws {
        let root = BundledSite.root.deletingLastPathComponent()
        let (content, _) = ContentLoader.load(root: root)
        var config = try #require(content).config
        config.baseURL = "https://sthjj.dazhou.gov.cn/zt/wdk/"
        let pages = try #require(content).pages.map(PublishedPage.init)
        let updates = pages.filter { $0.section == "updates" && !$0.isSectionIndex }
        #expect(updates.count == 5)
        #expect(updates.allSatisfy { $0.date != nil }, "an undated update would take a fallback date in the feed")
        let files = PublishFiles.make(config: config, pages: pages, sourceDateEpoch: nil).files
        let feedData = try #require(files["feed.xml"])
        let sitemapData = try #require(files["sitemap.xml"])
        let feed = try #require(try XMLDocument(data: feedData, options: []).rootElement())
        let entries = feed.elements(forName: "entry")
        #expect(entries.count == 5)
        let published = entries.compactMap { $0.elements(forName: "published").first?.stringValue }
        #expect(published == published.sorted(by: >))
        #expect(published.first == "2020-09-03T00:00:00+08:00")
        let sitemap = try XMLDocument(data: sitemapData, options: [])
        #expect(sitemap.rootElement()?.elements(forName: "url").count == pages.count - 1, "every page but 404.html")
    }
}
