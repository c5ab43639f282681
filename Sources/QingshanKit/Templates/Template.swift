/// A parsed Mustache template, ready to render many times.
///
/// The language is Mustache as swift-mustache reads it (the themes were written for it):
/// `{{name}}`, `{{{name}}}` and `{{&name}}`, sections and inverted sections, comments,
/// partials (`{{> name}}`, `{{>*dynamic}}`), set delimiters, dotted names, the implicit
/// iterator `{{.}}`, transforms (`{{^empty(page.summary)}}`, `{{index()}}` in a list),
/// and inheritance (`{{< parent}}{{$ block}}…{{/ block}}{{/ parent}}`). Standalone tags
/// take their whole line, and a standalone partial indents every line it renders.
/// Names are split and text is stored as UTF-8 at parse time, so rendering only looks
/// names up and copies bytes.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Every `{{> name}}` and `{{< name}}` in the template, with its position.
    let partialReferences: [PartialReference]
    /// Whether a `{{>* name}}` tag chooses a partial by a value (so it may use any).
    let hasDynamicPartials: Bool
    /// Every interpolation, in order, with where in the HTML it lands (see `TemplateLint`).
    let interpolations: [Interpolation]

    struct PartialReference: Sendable {
        let name: String
        /// 1-based line and UTF-8 byte column of the tag.
        let line: Int
        let column: Int
    }

    /// `{{name}}` (`escaped`), `{{{name}}}` or `{{& name}}` at a 1-based line and UTF-8 byte column.
    struct Interpolation: Sendable {
        let path: TemplatePath
        let escaped: Bool
        let line: Int
        let column: Int
        let context: HTMLContext
        /// The sections (not inverted) it is inside, outermost first.
        let sections: [TemplatePath]
    }

    /// Parses `text`; the error carries a 1-based line and UTF-8 byte column.
    init(parsing text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
        partialReferences = parser.partialReferences
        hasDynamicPartials = parser.hasDynamicPartials
        interpolations = parser.interpolations
    }
}

/// A syntax error in a template, at a 1-based line and UTF-8 byte column.
struct TemplateSyntaxError: Error, Sendable {
    let message: String
    let line: Int
    let column: Int
}

/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Literal text (never spans a line end in a partial that may be indented: see `lineStart`).
    case text([UInt8])
    /// The start of a source line: where a standalone partial's indentation goes.
    case lineStart
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`, or `{{>* name}}`, which names the partial by the text value at `name`
    /// (its path, split at parse time, is `valuePath`); `indentation` is the whitespace
    /// before a standalone tag; `overrides` the blocks of a `{{< parent}}`.
    case partial(name: String, valuePath: TemplatePath?, indentation: [UInt8], overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}default{{/ name}}`: replaced by a `{{< parent}}`'s block of that name.
    case block(name: String, defaultBody: [TemplateNode], indentation: [UInt8])
}

/// A name as written in a tag, split once: `page.title` → `["page", "title"]`.
struct TemplatePath: Sendable {
    /// Empty for `{{.}}` and for a bare transform such as `{{index()}}`.
    let names: [String]
    let scope: Scope
    enum Scope: Sendable {
        /// `{{name}}`: the first name is looked up from the innermost object outwards.
        case stack
        /// `{{.}}` and `{{.name}}`: the current object only.
        case current
        /// `{{index()}}`, `{{first()}}`…: the position of the list element being rendered.
        case listPosition
    }
    /// Transforms, outermost first: `empty(page.summary)` → `["empty"]`.
    let transforms: [String]
    /// The text between the delimiters, which a closing tag must repeat.
    let source: String
}
