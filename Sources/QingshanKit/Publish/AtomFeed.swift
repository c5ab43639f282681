/// `feed.xml`: an Atom feed (RFC 4287) of the pages of one section (工作动态), newest first.
///
/// Every date comes from content. The feed's `<updated>` is its newest entry's; an entry
/// without a date takes `fallbackTimestamp` (`SOURCE_DATE_EPOCH`, else the newest content
/// date of the site), so the same content always gives the same bytes.
struct AtomFeed {
    var title: String
    var subtitle: String
    var language: String
    var author: String
    var base: PublishBase
    /// The section's own page, the feed's `alternate` link.
    var sectionPage: PublishedPage?
    var entries: [PublishedPage]
    var fallbackTimestamp: String

    /// Entries sorted newest first; ties broken by path so the order never depends on input order.
    /// `published` is `nil` for a page dated by month only (`2021-03`): Atom needs a whole
    /// date, and the feed does not invent the day; such an entry sorts by `updated`.
    var sortedEntries: [(page: PublishedPage, published: String?, updated: String)] {
        entries.map { page in
            let published = page.date.flatMap(FeedDate.timestamp(fromContentDate:))
            let updated = page.lastmod.flatMap(FeedDate.timestamp(fromContentDate:)) ?? published ?? fallbackTimestamp
            return (page, published, max(updated, published ?? updated))
        }
        .sorted { a, b in
            if (a.published ?? a.updated) != (b.published ?? b.updated) { return (a.published ?? a.updated) > (b.published ?? b.updated) }
            return a.page.outputPath < b.page.outputPath
        }
    }

    var xml: String {
        let entries = sortedEntries
        let updated = entries.map(\.updated).max() ?? fallbackTimestamp
        let selfURL = base.url(for: PublishFiles.feedPath)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escaped(language))">
              <id>\(XMLText.escaped(selfURL))</id>
              <title>\(XMLText.escaped(title))</title>

            """
        if !subtitle.isEmpty { xml += "  <subtitle>\(XMLText.escaped(subtitle))</subtitle>\n" }
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escaped(selfURL))\"/>\n"
        let alternate = base.url(for: sectionPage?.outputPath ?? "index.html")
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escaped(alternate))\"/>\n"
        // RFC 4287 § 4.1.1: a feed without per-entry authors needs one of its own.
        xml += "  <author><name>\(XMLText.escaped(author))</name></author>\n"
        xml += "  <generator>Qingshan</generator>\n"
        for entry in entries {
            let url = XMLText.escaped(base.url(for: entry.page.outputPath))
            xml += "  <entry>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <title>\(XMLText.escaped(entry.page.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            if let published = entry.published { xml += "    <published>\(published)</published>\n" }
            xml += "    <updated>\(entry.updated)</updated>\n"
            if !entry.page.summary.isEmpty { xml += "    <summary>\(XMLText.escaped(entry.page.summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
