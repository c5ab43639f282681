/// Reads Mustache text into `TemplateNode`s (see `Template`).
///
/// Two passes: a scanner turns the text into a flat list of tokens, line by line, and
/// removes the lines that hold only one standalone tag (a section, inverted section or
/// closing tag, a comment, a partial, a block, a set-delimiter tag) and whitespace; then
/// the tokens are nested into sections.
struct TemplateParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStartIndex = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var tokens: [Token] = []
    /// Where the tokens of the current line start in `tokens`.
    private var lineFirstToken = 0
    private(set) var partialReferences: [Template.PartialReference] = []
    /// A `{{>* name}}` tag: the partial is chosen by a value, so any may be used.
    private(set) var hasDynamicPartials = false
    /// Every `{{name}}`, `{{{name}}}` and `{{& name}}`, with its HTML context (for `TemplateLint`).
    private(set) var interpolations: [Template.Interpolation] = []
    private var html = HTMLContextScanner()
    /// The sections (not inverted) around the tag being nested, outermost first.
    private var sections: [TemplatePath] = []

    private enum Token {
        case text([UInt8])
        case newline([UInt8])
        case lineStart
        case tag(Tag)
    }

    private struct Tag {
        enum Kind { case variable, unescaped, section, inverted, close, comment, partial, dynamicPartial, parent, block, delimiters }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
        var indentation: [UInt8] = []

        var canStandAlone: Bool {
            switch kind {
            case .variable, .unescaped: false
            default: true
            }
        }
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        try scan()
        var position = 0
        return try nest(&position, closing: nil)
    }

    // MARK: Scanning

    private mutating func scan() throws(TemplateSyntaxError) {
        var startOfLine = true
        while index < bytes.count {
            if startOfLine {
                tokens.append(.lineStart)
                startOfLine = false
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")) {
                let length = byte == UInt8(ascii: "\n") ? 1 : 2
                tokens.append(.newline(Array(bytes[index..<(index + length)])))
                index += length
                endLine()
                line += 1
                lineStartIndex = index
                startOfLine = true
            } else if matches(open, at: index) {
                try scanTag()
            } else {
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r"), !matches(open, at: index) {
                    index += 1
                }
                tokens.append(.text(Array(bytes[start..<index])))
            }
        }
        endLine()
    }

    /// Removes the current line's whitespace and line end when it holds one standalone
    /// tag and nothing else; a standalone partial keeps the whitespace as its indentation.
    private mutating func endLine() {
        var tagIndex: Int?
        for position in lineFirstToken..<tokens.count {
            switch tokens[position] {
            case .lineStart, .newline: continue
            case .text(let text) where text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }): continue
            case .tag(let tag) where tag.canStandAlone && tagIndex == nil: tagIndex = position
            default:
                lineFirstToken = tokens.count
                return
            }
        }
        if let tagIndex, case .tag(var tag) = tokens[tagIndex] {
            for position in lineFirstToken..<tagIndex {
                if case .text(let text) = tokens[position] { tag.indentation += text }
            }
            tokens.replaceSubrange(lineFirstToken..<tokens.count, with: [.tag(tag)])
        }
        lineFirstToken = tokens.count
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[position + offset] != delimiter[offset] { return false }
        return true
    }

    private mutating func scanTag() throws(TemplateSyntaxError) {
        let tagLine = line
        let column = index - lineStartIndex + 1
        func error(_ message: String) -> TemplateSyntaxError { TemplateSyntaxError(message: message, line: tagLine, column: column) }
        index += open.count
        guard index < bytes.count else { throw error("unclosed tag: expected `\(String(decoding: close, as: UTF8.self))`") }
        let sigil = bytes[index]
        var kind: Tag.Kind
        switch sigil {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "&"), UInt8(ascii: "{"): kind = .unescaped
        case UInt8(ascii: "="): kind = .delimiters
        case UInt8(ascii: "%"):
            throw error("`{{%…}}` (swift-mustache's content-type pragma) is not supported: Qingshan templates are HTML")
        default: kind = .variable
        }
        if kind != .variable { index += 1 }

        // The end of the tag: `}` + close for `{{{name}}}`, `=` + close for `{{=<% %>=}}`.
        let end: [UInt8] =
            switch sigil {
            case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
            case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
            default: close
            }
        let contentStart = index
        while index < bytes.count, !matches(end, at: index) { index += 1 }
        guard index < bytes.count else {
            throw error("unclosed tag: expected `\(String(decoding: end, as: UTF8.self))`")
        }
        let content = bytes[contentStart..<index]
        index += end.count
        // A comment may span lines: keep the line count right for later positions.
        for byte in content where byte == UInt8(ascii: "\n") { line += 1 }
        if line != tagLine, let lastNewline = bytes[contentStart..<index].lastIndex(of: UInt8(ascii: "\n")) {
            lineStartIndex = lastNewline + 1
        }

        switch kind {
        case .comment:
            tokens.append(.tag(Tag(kind: .comment, name: "", line: tagLine, column: column)))
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                throw error("a set-delimiter tag takes two delimiters: `{{=<% %>=}}`")
            }
            open = Array(parts[0])
            close = Array(parts[1])
            tokens.append(.tag(Tag(kind: .delimiters, name: "", line: tagLine, column: column)))
        default:
            var name = String(decoding: content, as: UTF8.self).trimmingASCIISpaces()
            if kind == .partial, name.hasPrefix("*") {
                kind = .dynamicPartial
                name = String(name.dropFirst()).trimmingASCIISpaces()
            }
            let allowed = (kind == .partial || kind == .dynamicPartial || kind == .parent) ? Self.partialNameBytes : Self.nameBytes
            guard !name.isEmpty, name.utf8.allSatisfy({ allowed.contains($0) }) else {
                throw error(name.isEmpty ? "empty tag name" : "`\(name)` is not a valid name: use letters, digits and `._-?*`")
            }
            if kind == .dynamicPartial { hasDynamicPartials = true }
            if kind == .partial || kind == .parent {
                partialReferences.append(Template.PartialReference(name: name, line: tagLine, column: column))
            }
            tokens.append(.tag(Tag(kind: kind, name: name, line: tagLine, column: column)))
        }
    }

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8)
    private static let partialNameBytes = nameBytes.union("/".utf8)

    // MARK: Nesting

    /// Builds nodes from `tokens[position...]` up to the closing tag of `closing`.
    private mutating func nest(_ position: inout Int, closing: Tag?) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text), .newline(let text):
                html.feed(text)
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + text)
                } else {
                    nodes.append(.text(text))
                }
            case .lineStart:
                nodes.append(.lineStart)
            case .tag(let tag):
                switch tag.kind {
                case .comment, .delimiters:
                    continue
                case .variable, .unescaped:
                    let path = try path(tag)
                    interpolations.append(
                        Template.Interpolation(
                            path: path, escaped: tag.kind == .variable, line: tag.line, column: tag.column, context: html.context, sections: sections))
                    html.feedInterpolation()
                    nodes.append(.variable(path, escaped: tag.kind == .variable))
                case .section, .inverted:
                    let path = try path(tag)
                    if tag.kind == .section { sections.append(path) }
                    let body = try nest(&position, closing: tag)
                    if tag.kind == .section { sections.removeLast() }
                    nodes.append(.section(path, inverted: tag.kind == .inverted, body: body))
                case .block:
                    let body = try nest(&position, closing: tag)
                    nodes.append(.block(name: tag.name, defaultBody: body, indentation: tag.indentation))
                case .partial, .dynamicPartial:
                    let valuePath = tag.kind == .dynamicPartial ? try path(tag) : nil
                    nodes.append(.partial(name: tag.name, valuePath: valuePath, indentation: tag.indentation, overrides: nil))
                case .parent:
                    let body = try nest(&position, closing: tag)
                    var overrides: [String: [TemplateNode]] = [:]
                    for node in body {
                        switch node {
                        case .block(let name, let defaultBody, _): overrides[name] = defaultBody
                        case .text, .lineStart: continue  // whitespace between blocks
                        default:
                            throw TemplateSyntaxError(message: "only `{{$ block}}` tags may be inside `{{< \(tag.name)}}`", line: tag.line, column: tag.column)
                        }
                    }
                    nodes.append(.partial(name: tag.name, valuePath: nil, indentation: tag.indentation, overrides: overrides))
                case .close:
                    guard let closing else {
                        throw TemplateSyntaxError(message: "`{{/\(tag.name)}}` closes no open section", line: tag.line, column: tag.column)
                    }
                    guard closing.name == tag.name else {
                        throw TemplateSyntaxError(
                            message: "`{{/\(tag.name)}}` closes `\(closing.name)`, opened at line \(closing.line), column \(closing.column)",
                            line: tag.line, column: tag.column)
                    }
                    return nodes
                }
            }
        }
        if let closing {
            throw TemplateSyntaxError(message: "`\(closing.name)` is never closed: expected `{{/\(closing.name)}}`", line: closing.line, column: closing.column)
        }
        return nodes
    }

    /// `page.title` → names; `empty(page.summary)` → transforms `["empty"]` and names;
    /// `index()` → a transform of the list element's position.
    private func path(_ tag: Tag) throws(TemplateSyntaxError) -> TemplatePath {
        var rest = Substring(tag.name)
        var transforms: [String] = []
        while let parenthesis = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<parenthesis]))
            rest = rest[rest.index(after: parenthesis)...]
        }
        let closers = rest.reversed().prefix { $0 == ")" }.count
        rest = rest.dropLast(closers)
        guard closers == transforms.count, !rest.contains(")"), !transforms.contains(where: \.isEmpty) else {
            throw TemplateSyntaxError(message: "`\(tag.name)`: a transform is written `name(value)`", line: tag.line, column: tag.column)
        }
        let scope: TemplatePath.Scope =
            rest == "."
            ? .current
            : rest.isEmpty
                ? .listPosition
                : rest.hasPrefix(".") ? .current : .stack
        let names = rest == "." ? [] : rest.split(separator: ".").map(String.init)
        if scope == .listPosition, transforms.isEmpty {
            throw TemplateSyntaxError(message: "empty tag name", line: tag.line, column: tag.column)
        }
        return TemplatePath(names: names, scope: scope, transforms: transforms, source: tag.name)
    }
}
