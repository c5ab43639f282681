import Yams

/// The fields at the top of a page, between `---` lines.
public struct FrontMatter: Sendable, Hashable {
    public var title: String = ""
    /// `YYYY-MM-DD`, as written.
    public var date: String?
    public var lastmod: String?
    public var summary: String = ""
    public var weight: Int = 0
    public var draft: Bool = false
    public var slug: String?
    public var layout: String?
    /// Where the `layout:` value is written (line and column in the page file), so an
    /// unknown layout is reported there without reading the file again.
    public var layoutPosition: (line: Int, column: Int)? {
        get { layoutLine > 0 ? (layoutLine, layoutColumn) : nil }
        set { (layoutLine, layoutColumn) = newValue ?? (0, 0) }
    }
    var layoutLine = 0
    var layoutColumn = 0
    /// Every other field with its shape, for templates as `page.params.*`.
    public var params: [String: ParamValue] = [:]

    static let knownKeys = ["title", "date", "lastmod", "summary", "weight", "draft", "slug", "layout"]

    /// A page file split into its front matter and body.
    struct Split {
        var yaml: String?
        var body: Substring
        /// Lines above the body: the body's line 1 is the file's line `bodyLineOffset + 1`.
        var bodyLineOffset: Int
    }

    /// Splits `text` at its front matter, if it starts with a `---` line.
    static func split(_ text: String, path: String) -> Result<Split, Diagnostic> {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return .success(Split(yaml: nil, body: text[...], bodyLineOffset: 0))
        }
        // Work on UTF-8 bytes: in Swift's Character view "\r\n" is one character, so
        // searching for "\n" would miss CRLF line ends.
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        var lineNumber = 1
        var index = utf8.index(after: utf8.firstIndex(of: newline)!)
        let yamlStart = index
        while index < utf8.endIndex {
            lineNumber += 1
            let lineEnd = utf8[index...].firstIndex(of: newline) ?? utf8.endIndex
            var line = Substring(text.utf8[index..<lineEnd])
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(Split(yaml: String(text[yamlStart..<index]), body: text[bodyStart...], bodyLineOffset: lineNumber))
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(
            .error(
                .frontMatterNotClosed, at: SourceLocation(path: path, line: 1, column: 1),
                notes: ["did you forget the closing `---` line after the fields?"]))
    }

    /// Reads the fields of `yaml` (front matter starting on file line 2).
    static func parse(_ yaml: String, path: String) -> (FrontMatter, [Diagnostic]) {
        var matter = FrontMatter()
        let document: YAMLDocument
        switch YAMLDocument.parse(yaml, path: path, lineOffset: 1) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (matter, [diagnostic])
        }
        guard let root = document.root else {
            return (matter, [.error(.missingKey("title"), at: SourceLocation(path: path, line: 1, column: 1))])
        }
        guard var fields = YAMLMapping(root, in: document) else {
            return (matter, [.error(.frontMatterNotMapping, at: document.location(of: root))])
        }
        matter.title = fields.string("title", required: true) ?? ""
        matter.date = fields.date("date")
        matter.lastmod = fields.date("lastmod")
        matter.summary = fields.string("summary") ?? ""
        matter.weight = fields.int("weight") ?? 0
        matter.draft = fields.bool("draft") ?? false
        if let slug = fields.string("slug") {
            if !isValidSlug(slug) {
                fields.diagnostics.append(.error(.invalidSlug(slug), at: fields.location(of: "slug")))
            } else if slug.utf8.count > FileNameRules.maxNameBytes {
                // Found here, at the key's line, not as a write failure after rendering.
                fields.diagnostics.append(.error(.outputNameTooLong(slug, bytes: slug.utf8.count), at: fields.location(of: "slug")))
            } else if let reason = FileNameRules.windowsProblem(Substring(slug)) {
                fields.diagnostics.append(.error(.reservedOutputName(slug, reason: reason), at: fields.location(of: "slug")))
            } else {
                matter.slug = slug
            }
        }
        matter.layout = fields.string("layout")
        let layoutAt = fields.location(of: "layout")
        if matter.layout != nil, let line = layoutAt.line { matter.layoutPosition = (line, layoutAt.column ?? 1) }
        for pair in fields.pairs where !knownKeys.contains(pair.key) {
            matter.params[pair.key] = value(of: pair.value)
            // Templates put these in href/src, where Mustache's escaping does not stop `javascript:`.
            if URLSafety.isURLKey(pair.key), let url = pair.value.scalarText, !URLSafety.isSafe(url) {
                fields.diagnostics.append(.error(.unsafeURL(key: pair.key, value: url), at: document.location(of: pair.value)))
            }
        }
        return (matter, fields.diagnostics)
    }

    /// One path segment that cannot climb out of its folder or need escaping.
    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug != "." && slug != ".."
            && slug.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == "." }
            && !slug.hasPrefix(".")
    }

    private static func value(of node: Node) -> ParamValue {
        switch node {
        case .scalar(let scalar): .text(scalar.string)
        case .sequence(let items): .list(items.map { value(of: $0) })
        case .mapping(let mapping): .map(mapping.map { ParamValue.Pair(key: $0.key.scalarText ?? "", value: value(of: $0.value)) })
        case .alias: .text("")
        }
    }
}
