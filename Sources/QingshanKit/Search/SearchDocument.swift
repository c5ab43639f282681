/// One page as the search index sees it.
public struct SearchDocument: Sendable, Hashable {
    /// The page's URL relative to the site root, e.g. `goals/index.html`.
    public var url: String
    /// The page title, shown as the result's link text; its tokens weigh most.
    public var title: String
    /// The title of the section holding the page (empty at top level).
    public var section: String
    /// The page's visible text, e.g. from `HTMLText.plainText(fromHTML:)` on its `<main>`.
    public var text: String

    /// Creates a document from a page's URL, titles and plain text.
    public init(url: String, title: String, section: String, text: String) {
        self.url = url
        self.title = title
        self.section = section
        self.text = text
    }
}
