/// `sitemap.xml` (sitemaps.org protocol 0.9): every listed page, sorted by URL, with a
/// `<lastmod>` only where the content gives a whole date, so the file changes only when content does.
enum Sitemap {
    static func xml(pages: [PublishedPage], base: PublishBase) -> String {
        let entries = pages.filter(\.isListed)
            .map { (url: base.url(for: $0.outputPath), lastmod: $0.modified) }
            .sorted { $0.url < $1.url }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        var seen = Set<String>()
        for entry in entries where seen.insert(entry.url).inserted {
            xml += "  <url>\n    <loc>\(XMLText.escaped(entry.url))</loc>\n"
            // sitemaps.org's XSD takes only a whole date (or date and time): a month-only
            // `2020-04` fails validation, so such a page has no `<lastmod>`.
            if let lastmod = entry.lastmod, FeedDate.isFullDate(lastmod) { xml += "    <lastmod>\(XMLText.escaped(lastmod))</lastmod>\n" }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
