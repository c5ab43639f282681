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

/// The choices and hooks for turning one Markdown body into HTML.
public struct MarkdownOptions: Sendable {
    /// Pass raw HTML through. Off unless `site.yaml` opts in (`markdown: {unsafe: true}`).
    public var allowRawHTML: Bool = false
    /// The largest body rendered (`limits.markdownBytes` in `site.yaml`).
    public var maxBytes: Int = SafetyLimits.maxMarkdownBytes
    /// Decides what each link or image destination becomes (`.md` links → page URLs).
    public var resolveLink: @Sendable (_ destination: String, _ location: SourceLocation) -> LinkResolution = { _, _ in .keep }
    /// Fenced code blocks whose info string's first word is in this set are data blocks.
    public var blockViews: Set<String> = []
    /// Renders a data block: view name, full info string, body, location of the body's first line.
    public var renderBlock: @Sendable (_ view: String, _ info: String, _ body: String, _ bodyStart: SourceLocation) -> RenderedBlock = { _, _, _, _ in
        RenderedBlock(html: "")
    }

    public init() {}
}

/// Markdown to HTML through libcmark.
public enum Markdown {
    /// Renders a page body. `lineOffset` is the number of file lines above the body
    /// (its front matter), so positions name the file's real lines.
    ///
    /// A body over `SafetyLimits.maxMarkdownBytes`, or one with a shape that makes the
    /// linked libcmark take quadratic time (`MarkdownGuard`), is not given to libcmark:
    /// the result is empty HTML with the positioned errors.
    public static func render(_ body: String, path: String, lineOffset: Int = 0, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        let refusals = MarkdownGuard.check(body, path: path, lineOffset: lineOffset, cmarkVersion: CmarkDocument.libraryVersion, maxBytes: options.maxBytes)
        guard refusals.isEmpty else { return RenderedMarkdown(html: "", headings: [], diagnostics: refusals) }
        return CmarkDocument.render(body, path: path, lineOffset: lineOffset, options: options)
    }

    /// The libcmark version linked at run time, as `major.minor.patch`.
    public static var cmarkVersion: String {
        let v = CmarkDocument.libraryVersion
        return "\(v.major).\(v.minor).\(v.patch)"
    }
}
