/// `sitemap.xml` (sitemaps.org protocol 0.9): every listed page, sorted by URL, with a
/// `<lastmod>` only where the content gives a date, so the file changes only when content does.
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
            // W3C Datetime allows both `YYYY-MM-DD` and `YYYY-MM`, the two forms content uses.
            if let lastmod = entry.lastmod { xml += "    <lastmod>\(XMLText.escaped(lastmod))</lastmod>\n" }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
