/// One page as the publishing files see it: where it is written, what it is called,
/// and the dates its source gives. Built from `Page` (Markdown pages and collection
/// records alike), so the sitemap and feed need nothing else from the pipeline.
public struct PublishedPage: Sendable, Hashable {
    /// Relative to the output folder: `updates/2021-03-05-meeting/index.html`.
    public var outputPath: String
    public var title: String
    public var summary: String
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    public var date: String?
    /// Same formats as `date`; the last substantive change.
    public var lastmod: String?
    /// The top folder under `content/pages` (`updates`), `""` for top-level pages.
    public var section: String
    /// The page is its folder's `index.md` (a section page, or the home page).
    public var isSectionIndex: Bool
    /// An entry of the feed wherever it is (an archived 本期变化 period).
    public var inFeed = false

    public init(outputPath: String, title: String, summary: String = "", date: String? = nil, lastmod: String? = nil, section: String = "", isSectionIndex: Bool = false) {
        self.outputPath = outputPath
        self.title = title
        self.summary = summary
        self.date = date
        self.lastmod = lastmod
        self.section = section
        self.isSectionIndex = isSectionIndex
    }

    /// The values of a page of the site model.
    public init(_ page: Page) {
        let folder = page.folder
        self.init(
            outputPath: page.outputPath,
            title: page.frontMatter.title,
            summary: page.frontMatter.summary,
            date: page.frontMatter.date,
            lastmod: page.frontMatter.lastmod,
            section: String(folder[..<(folder.utf8.firstIndex(of: UInt8(ascii: "/")) ?? folder.endIndex)]),
            isSectionIndex: page.isSectionIndex)
    }

    /// The newest date the content gives for the page: `lastmod`, else `date`.
    var modified: String? { lastmod ?? date }

    var isHome: Bool { outputPath == "index.html" }

    /// Pages that are not content: a crawler must not list the 404 page.
    var isListed: Bool { outputPath != "404.html" }
}
