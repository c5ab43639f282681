/// What a data block became: its HTML, the problems found, and what it depends on.
public struct DataBlockResult: Sendable {
    /// The HTML that replaces the fenced block; empty when the block has errors.
    public var html: String
    /// Every problem found in the block, positioned in the Markdown file.
    public var diagnostics: [Diagnostic]
    /// The datasets the block reads, so a change to one of them re-renders the page.
    public var datasetsUsed: Set<String>
    /// Whether a dataset the block shows is sample data (the page must say so).
    public var usesSample: Bool

    public init(html: String, diagnostics: [Diagnostic], datasetsUsed: Set<String>, usesSample: Bool) {
        self.html = html
        self.diagnostics = diagnostics
        self.datasetsUsed = datasetsUsed
        self.usesSample = usesSample
    }
}
