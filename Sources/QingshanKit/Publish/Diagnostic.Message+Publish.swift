// The messages of the publishing files (sitemap, feed, robots.txt, head tags).

extension Diagnostic.Message {
    /// Without `baseURL` the site stays fully relative: no absolute URL can be written.
    static let publishWithoutBaseURL = Self(
        id: "publish-without-base-url",
        text: "no baseURL in site.yaml: sitemap.xml, feed.xml, robots.txt, canonical and Open Graph tags are skipped")

    /// A `baseURL` that is not an absolute http(s) address.
    static func invalidBaseURL(_ value: String) -> Self {
        .init(id: "invalid-base-url", text: "baseURL '\(value)' must be an absolute http:// or https:// address such as https://sthjj.dazhou.gov.cn/zt/wdk/")
    }

    /// Crawlers read robots.txt only at the host's root.
    static func robotsUnderSubPath(_ path: String) -> Self {
        .init(id: "robots-under-sub-path", text: "the site is published under \(path): crawlers read robots.txt only at the host's root, so add its Sitemap line to the host site's robots.txt")
    }
}
