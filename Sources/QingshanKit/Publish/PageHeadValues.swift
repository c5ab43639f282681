/// What the head of one page says about where it is published: `<link rel="canonical">`,
/// Open Graph (`og:*`) and the feed's `<link rel="alternate">`. Every value is empty
/// when the site has no `baseURL`, so a theme guards on `page.canonicalURL`.
public struct PageHeadValues: Sendable, Hashable {
    /// The page's absolute URL: `https://sthjj.dazhou.gov.cn/zt/wdk/goals/index.html`.
    public var canonicalURL = ""
    public var ogTitle = ""
    /// The page's summary, else the site's description.
    public var ogDescription = ""
    /// Same as `canonicalURL`.
    public var ogURL = ""
    /// `article` for a dated page, `website` for the home page and section pages.
    public var ogType = ""
    public var ogSiteName = ""
    /// `zh_CN` for `language: zh-CN` (Open Graph writes locales with `_`).
    public var ogLocale = ""
    /// Relative link to `feed.xml` (`../feed.xml`), empty when there is no feed.
    public var feedURL = ""
    /// The feed link's `title`.
    public var feedTitle = ""
    /// `noindex` for a page that is not content (the 404 page), whatever `baseURL` says.
    public var robots = ""
    /// The site's absolute root URL on the 404 page, for `<base href>`: a server shows that
    /// page for a missing URL at any depth, where its relative links would not resolve.
    public var baseHref = ""

    public init() {}

    /// The keys templates read under `page` (docs/TEMPLATES.md): `page.canonicalURL`, …
    public var templateValues: [String: String] {
        [
            "canonicalURL": canonicalURL, "ogTitle": ogTitle, "ogDescription": ogDescription, "ogURL": ogURL,
            "ogType": ogType, "ogSiteName": ogSiteName, "ogLocale": ogLocale, "feedURL": feedURL, "feedTitle": feedTitle,
            "robots": robots, "baseHref": baseHref,
        ]
    }
}
