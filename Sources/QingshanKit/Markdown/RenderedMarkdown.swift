/// What the Markdown layer gives back for one page body.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as HTML, with heading ids, rewritten links and data blocks in place.
    public var html: String
    /// Every heading, in document order, with its unique id.
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
    /// Names of the datasets that data blocks in this body read.
    public var datasetsUsed: Set<String>
    /// A data block in this body shows a dataset marked as sample data.
    public var usesSampleData: Bool

    public init(
        html: String, headings: [Heading], diagnostics: [Diagnostic] = [],
        datasetsUsed: Set<String> = [], usesSampleData: Bool = false
    ) {
        self.html = html
        self.headings = headings
        self.diagnostics = diagnostics
        self.datasetsUsed = datasetsUsed
        self.usesSampleData = usesSampleData
    }
}

/// A heading of a page, for ids and the table of contents.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading's plain text.
    public var title: String
    public var location: SourceLocation

    public init(level: Int, id: String, title: String, location: SourceLocation) {
        self.level = level
        self.id = id
        self.title = title
        self.location = location
    }
}

/// How a link or image destination found in Markdown should be written out.
public enum LinkResolution: Sendable, Hashable {
    /// Leave the destination as the author wrote it.
    case keep
    /// Write this destination instead.
    case replace(String)
    /// The destination is wrong; keep it in the output and report the problem.
    case invalid(Diagnostic)
}

/// What a data block (a fenced code block naming a view) became.
public struct RenderedBlock: Sendable, Hashable {
    public var html: String
    public var diagnostics: [Diagnostic]
    public var datasetsUsed: Set<String>
    public var usesSampleData: Bool

    public init(html: String, diagnostics: [Diagnostic] = [], datasetsUsed: Set<String> = [], usesSampleData: Bool = false) {
        self.html = html
        self.diagnostics = diagnostics
        self.datasetsUsed = datasetsUsed
        self.usesSampleData = usesSampleData
    }
}
