// The messages of the publishing files (sitemap, feed, robots.txt, head tags).

extension Diagnostic.Message {
    /// Without `baseURL` the site stays fully relative: no absolute URL can be written.
    static let publishWithoutBaseURL = Self(
        id: "publish-without-base-url",
        text: "no baseURL in site.yaml: sitemap.xml, feed.xml, robots.txt, canonical and Open Graph tags are skipped",
        zh: "site.yaml 中没有 baseURL（网站地址）：不生成 sitemap.xml、feed.xml、robots.txt 及规范链接；网站照常可用，正式发布前请填写")

    /// A `baseURL` that is not an absolute http(s) address.
    static func invalidBaseURL(_ value: String) -> Self {
        .init(
            id: "invalid-base-url", text: "baseURL '\(value)' must be an absolute http:// or https:// address such as https://sthjj.dazhou.gov.cn/zt/wdk/",
            zh: "baseURL“\(value)”必须是以 http:// 或 https:// 开头的完整地址，例如 https://sthjj.dazhou.gov.cn/zt/wdk/")
    }

    /// Crawlers read robots.txt only at the host's root.
    static func robotsUnderSubPath(_ path: String) -> Self {
        .init(
            id: "robots-under-sub-path", text: "the site is published under \(path): crawlers read robots.txt only at the host's root, so add its Sitemap line to the host site's robots.txt",
            zh: "网站发布在 \(path) 之下：搜索引擎只读取域名根目录的 robots.txt，请把其中的 Sitemap 一行加到主站的 robots.txt 中")
    }
}
