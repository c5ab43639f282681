public import Foundation

/// The files that only make sense once the site has an address: `sitemap.xml`, the
/// Atom feed of 工作动态 and `robots.txt`, plus the per-page head values (canonical
/// link, Open Graph) that templates show.
///
/// All of them need `baseURL`. Without it nothing is made and a note says so: the site
/// stays fully relative and works from `file://` and under any sub-path unchanged.
public enum PublishFiles {
    public static let sitemapPath = "sitemap.xml"
    public static let feedPath = "feed.xml"
    public static let robotsPath = "robots.txt"
    /// The top folder whose pages the feed lists.
    public static let feedSection = "updates"

    /// The extra output files for `pages` (every rendered page, records included), and
    /// the diagnostics about them.
    ///
    /// - Parameter sourceDateEpoch: Unix time used only for feed dates the content does
    ///   not give (reproducible-builds.org convention); see `sourceDateEpoch(in:)`.
    public static func make(config: SiteConfig, pages: [PublishedPage], sourceDateEpoch: Int?) -> (files: [String: Data], diagnostics: [Diagnostic]) {
        guard let baseURL = config.baseURL else {
            return ([:], [.note(.publishWithoutBaseURL, at: SourceLocation(path: SiteConfig.path))])
        }
        guard let base = PublishBase(baseURL) else {
            return ([:], [.error(.invalidBaseURL(baseURL), at: SourceLocation(path: SiteConfig.path))])
        }
        var diagnostics: [Diagnostic] = []
        if base.path != "/" {
            diagnostics.append(.note(.robotsUnderSubPath(base.path), at: SourceLocation(path: SiteConfig.path)))
        }
        var files: [String: Data] = [:]
        files[sitemapPath] = Data(Sitemap.xml(pages: pages, base: base).utf8)
        if hasFeed(pages: pages) {
            files[feedPath] = Data(feed(config: config, pages: pages, base: base, sourceDateEpoch: sourceDateEpoch).xml.utf8)
        }
        files[robotsPath] = Data(robots(base: base).utf8)
        return (files, diagnostics)
    }

    /// `SOURCE_DATE_EPOCH` from the environment, when it is a whole number of seconds.
    public static func sourceDateEpoch(in environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The site has an `updates` section, so `feed.xml` is written (with a `baseURL`).
    public static func hasFeed(pages: [PublishedPage]) -> Bool {
        pages.contains { $0.section == feedSection || $0.inFeed }
    }

    static func feed(config: SiteConfig, pages: [PublishedPage], base: PublishBase, sourceDateEpoch: Int?) -> AtomFeed {
        let sectionPage = pages.first { $0.section == feedSection && $0.isSectionIndex }
        let entries = pages.filter { ($0.section == feedSection && !$0.isSectionIndex) || $0.inFeed }
        // Only where content has no date: the build's declared date, else the newest date
        // the section gives, so the feed depends on the section's pages alone. Never the wall clock.
        let fallback =
            sourceDateEpoch.map(FeedDate.timestamp(fromUnixTime:))
            ?? pages.filter { $0.section == feedSection }.compactMap { $0.modified.flatMap(FeedDate.timestamp(fromContentDate:)) }.max()
            ?? FeedDate.timestamp(fromUnixTime: 0)
        let title = sectionPage.map { "\($0.title) - \(config.title)" } ?? config.title
        return AtomFeed(
            title: title,
            subtitle: sectionPage.map(\.summary).flatMap { $0.isEmpty ? nil : $0 } ?? config.description,
            language: config.language,
            author: config.footer["sponsor"] ?? config.meta["contentSource"] ?? config.title,
            base: base, sectionPage: sectionPage, entries: entries, fallbackTimestamp: fallback)
    }

    static func robots(base: PublishBase) -> String {
        """
        User-agent: *
        Allow: /

        Sitemap: \(base.url(for: sitemapPath))

        """
    }

    /// The head values of one page (see `PageHeadValues`); all empty without a valid `baseURL`.
    ///
    /// - Parameter hasFeed: `hasFeed(pages:)`: the site has an `updates` section, so `feed.xml` exists.
    public static func headValues(for page: PublishedPage, config: SiteConfig, hasFeed: Bool) -> PageHeadValues {
        var values = PageHeadValues()
        // The 404 page is not content: no index entry, no canonical URL, and a base so
        // its links work wherever the server shows it.
        if !page.isListed { values.robots = "noindex" }
        guard let base = config.baseURL.flatMap(PublishBase.init) else { return values }
        if !page.isListed {
            values.baseHref = base.url
            return values
        }
        let url = base.url(for: page.outputPath)
        values.canonicalURL = url
        values.ogURL = url
        values.ogTitle = page.isHome || page.title.isEmpty ? config.title : page.title
        values.ogDescription = page.summary.isEmpty ? config.description : page.summary
        values.ogType = page.date != nil && !page.isSectionIndex ? "article" : "website"
        values.ogSiteName = config.meta["siteName"] ?? config.title
        values.ogLocale = config.language.replacingOccurrences(of: "-", with: "_")
        // Relative like every other link, so the link checker can prove the file exists.
        if hasFeed {
            values.feedURL = SitePaths.root(of: page.outputPath) + feedPath
            values.feedTitle = config.title
        }
        return values
    }
}
