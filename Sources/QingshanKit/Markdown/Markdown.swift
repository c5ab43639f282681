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
        let refusals = MarkdownGuard.check(body, path: path, lineOffset: lineOffset, cmarkVersion: CmarkRenderer.libraryVersion, maxBytes: options.maxBytes)
        guard refusals.isEmpty else { return RenderedMarkdown(html: "", headings: [], diagnostics: refusals) }
        return CmarkRenderer.render(body, path: path, lineOffset: lineOffset, options: options)
    }

    /// The libcmark version linked at run time, as `major.minor.patch`.
    public static var cmarkVersion: String {
        let v = CmarkRenderer.libraryVersion
        return "\(v.major).\(v.minor).\(v.patch)"
    }
}
