/// Messages about hostile or broken input: limits, pathological shapes, unsafe text and URLs.
extension Diagnostic.Message {
    static func fileTooLarge(bytes: Int, limit: Int) -> Self {
        .init(id: "file-too-large", text: "file is \(bytes) bytes; the limit is \(limit) bytes\(limit >= 1 << 20 ? " (\(limit >> 20) MiB)" : "") (`limits:` in site.yaml)")
    }
    static func markdownManyImageOpeners(count: Int) -> Self {
        .init(
            id: "markdown-many-image-openers",
            text:
                "too many unclosed image openers '![' (\(count) in this block; at most \(SafetyLimits.maxImageOpenersPerBlock) per block, fewer after blocks with many); refused because the Markdown library would take minutes"
        )
    }
    static func markdownDeepQuoteEmphasis(depth: Int, delimiters: Int) -> Self {
        .init(id: "markdown-deep-quote-emphasis", text: "block quote \(depth) levels deep with \(delimiters) emphasis marks in one block; refused because the Markdown library would take minutes")
    }
    static func markdownDeepListBlankLines(depth: Int) -> Self {
        .init(id: "markdown-deep-list-blank-lines", text: "list or quote \(depth) levels deep followed by too many blank lines; refused because the Markdown library would take minutes")
    }
    static func bidiControl(_ name: String) -> Self {
        .init(id: "bidi-control", text: "invisible bidirectional control \(name) can make text read differently from what it is (\"Trojan Source\"); remove it")
    }
    static func controlCharacter(_ code: String) -> Self {
        .init(id: "control-character", text: "control character \(code) in text; it is invisible and invalid in HTML")
    }
    static func unsafeURL(key: String, value: String) -> Self {
        .init(id: "unsafe-url", text: "'\(key)' is '\(value)'; a URL must be http:, https:, mailto:, tel: or a relative path")
    }
    static func yamlTooDeep(depth: Int, limit: Int) -> Self {
        .init(id: "yaml-too-deep", text: "nesting reaches \(depth) levels here; the limit is \(limit)")
    }
}
