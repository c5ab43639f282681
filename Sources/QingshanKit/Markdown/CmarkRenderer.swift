import CCmark
import Foundation

/// The one place that talks to libcmark. C names never leave this file.
///
/// Positions: cmark reports 1-based lines and 1-based columns counted in UTF-8 bytes;
/// they are passed through unchanged, offset by the lines of front matter above the body.
enum CmarkRenderer {
    /// Renders `markdown` (the body of the file at `path`, starting at file line
    /// `lineOffset + 1`) to HTML.
    ///
    /// The tree is walked with cmark's iterator, never recursively, so a 25,000-deep
    /// block quote cannot overflow the stack.
    static func render(_ markdown: String, path: String, lineOffset: Int, options: MarkdownOptions) -> RenderedMarkdown {
        // Source positions are recorded by the parser; CMARK_OPT_SOURCEPOS is not given to the
        // HTML renderer, so the output carries no data-sourcepos attributes. Raw HTML is
        // omitted unless the site opted in: CMARK_OPT_UNSAFE is set nowhere else.
        var renderOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if options.allowRawHTML { renderOptions |= CMARK_OPT_UNSAFE }
        let parseOptions = renderOptions | CMARK_OPT_SOURCEPOS

        // The length is the UTF-8 count, not strlen: a NUL must not cut the body short
        // (cmark replaces it with U+FFFD).
        var text = markdown
        let document: OpaquePointer? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, parseOptions) }
        }
        guard let document else {
            return RenderedMarkdown(html: "", headings: [])
        }
        // cmark.h: the caller owns the tree returned by cmark_parse_document and frees it
        // with cmark_node_free (which frees all children too).
        defer { cmark_node_free(document) }

        var diagnostics: [Diagnostic] = []
        var datasetsUsed: Set<String> = []
        var usesSampleData = false

        func location(of node: OpaquePointer?, fallback: OpaquePointer? = nil) -> SourceLocation {
            var line = Int(cmark_node_get_start_line(node))
            var column = Int(cmark_node_get_start_column(node))
            if line == 0, let fallback {
                line = Int(cmark_node_get_start_line(fallback))
                column = Int(cmark_node_get_start_column(fallback))
            }
            return SourceLocation(path: path, line: line + lineOffset, column: max(column, 1))
        }

        // 1. Walk once and remember what needs changing; cmark allows modifying a node
        //    only after its EXIT event, so changes happen in a second step.
        var links: [(node: OpaquePointer, block: OpaquePointer?)] = []
        var headings: [OpaquePointer] = []
        var blocks: [OpaquePointer] = []
        var currentBlock: OpaquePointer?
        let iterator = cmark_iter_new(document)
        // cmark.h: an iterator is freed with cmark_iter_free.
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                currentBlock = node
                if cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                links.append((node, currentBlock))
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node))
                if let view = info.split(separator: " ", maxSplits: 1).first, options.blockViews.contains(String(view)) {
                    blocks.append(node)
                }
            default:
                break
            }
        }

        // 2. Links: `.md` destinations become page URLs, `/` paths become relative, and
        //    dead links are reported where they stand.
        for (node, block) in links {
            let destination = string(cmark_node_get_url(node))
            // cmark drops these only when raw HTML is off; Qingshan drops them always.
            if URLSafety.isDangerousInMarkdown(destination) {
                _ = cmark_node_set_url(node, "")
                continue
            }
            switch options.resolveLink(destination, location(of: node, fallback: block)) {
            case .keep:
                break
            case .replace(let url):
                _ = cmark_node_set_url(node, url)
            case .invalid(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        // 3. Data blocks become the HTML their view renders, as custom blocks: cmark
        //    writes a custom block's text as it is, whatever the raw-HTML setting.
        for node in blocks {
            let info = string(cmark_node_get_fence_info(node))
            let view = String(info.split(separator: " ", maxSplits: 1).first ?? "")
            let body = string(cmark_node_get_literal(node))
            var start = location(of: node)
            start.line = start.line.map { $0 + 1 }
            let rendered = options.renderBlock(view, info, body, start)
            diagnostics += rendered.diagnostics
            datasetsUsed.formUnion(rendered.datasetsUsed)
            usesSampleData = usesSampleData || rendered.usesSampleData
            replace(node, withHTML: rendered.html)
        }

        // 4. Headings get unique ids. The heading is rendered on its own (links inside
        //    it already rewritten) and the id added to its opening tag.
        var ids = HeadingIDGenerator()
        var result: [Heading] = []
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            let title = plainText(of: node)
            let id = ids.id(for: title)
            result.append(Heading(level: level, id: id, title: title, location: location(of: node)))
            guard let rendered = cmark_render_html(node, renderOptions) else { continue }
            // cmark.h: the caller frees the buffer returned by cmark_render_html.
            var html = String(cString: rendered)
            free(rendered)
            let openTag = "<h\(level)>"
            if html.hasPrefix(openTag) {
                html = "<h\(level) id=\"\(id.htmlEscaped)\">" + html.dropFirst(openTag.count)
            }
            replace(node, withHTML: html)
        }

        guard let rendered = cmark_render_html(document, renderOptions) else {
            return RenderedMarkdown(html: "", headings: result, diagnostics: diagnostics)
        }
        let html = String(cString: rendered)
        free(rendered)
        return RenderedMarkdown(
            html: html, headings: result, diagnostics: diagnostics,
            datasetsUsed: datasetsUsed, usesSampleData: usesSampleData
        )
    }

    /// Puts a custom block holding `html` where `node` was, and frees `node`.
    private static func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = cmark_node_set_on_enter(custom, html)
        _ = cmark_node_insert_before(node, custom)
        // cmark.h: cmark_node_free unlinks the node and frees it with its children.
        cmark_node_free(node)
    }

    /// The text of a node's inline content: text, code and line breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The version of the libcmark linked at run time, e.g. `0.30.2`.
    static var libraryVersion: (major: Int, minor: Int, patch: Int) {
        let v = Int(cmark_version())
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
