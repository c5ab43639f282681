import Foundation
import Testing
@testable import QingshanKit

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
