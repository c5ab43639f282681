import Yams

/// One page per row of a dataset, declared in `site.yaml`:
///
/// ```yaml
/// collections:
///   - dataset: villages
///     path: rural-remediation/villages/{id}/index.html
///     title: "{name}"
///     layout: record
///     parent: rural-remediation/index.md
///     sort: county       # optional: pages (and previous/next) in this field's order
/// ```
public struct CollectionConfig: Sendable, Hashable {
    public var dataset: String
    /// The output path, with `{field}` replaced by each row's value; must end in `.html`.
    public var pathPattern: String
    /// The page title, with `{field}` replaced; the first column's value when not given.
    public var titlePattern: String?
    public var layout: String
    /// The section page the generated pages belong to (breadcrumbs and the way back).
    public var parent: String?
    /// The field whose order (a referenced dataset's, an enum's, or pinyin) orders the
    /// pages; the dataset's row order when not given.
    public var sort: String?
    public var location: SourceLocation

    static let knownKeys = ["dataset", "path", "title", "layout", "parent", "sort"]

    static func parse(_ node: Node, document: YAMLDocument) -> (CollectionConfig?, [Diagnostic]) {
        guard var fields = YAMLMapping(node, in: document) else {
            return (nil, [.error(.wrongType(key: "collections", expected: "a list of {dataset, path, title, layout}", found: node.kindName), at: document.location(of: node))])
        }
        let dataset = fields.string("dataset", required: true)
        let path = fields.string("path", required: true)
        if let path, !path.hasSuffix(".html") || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            fields.diagnostics.append(
                .error(
                    .invalidValue(key: "path", value: path, expected: "a relative path ending in .html, e.g. villages/{id}/index.html"),
                    at: fields.location(of: "path")))
        }
        let config = CollectionConfig(
            dataset: dataset ?? "", pathPattern: path ?? "", titlePattern: fields.string("title"),
            layout: fields.string("layout") ?? "record", parent: fields.string("parent"), sort: fields.string("sort"),
            location: document.location(of: node))
        fields.warnAboutUnknownKeys(known: knownKeys)
        return (fields.diagnostics.contains { $0.severity == .error } ? nil : config, fields.diagnostics)
    }

    /// `pattern` with every `{field}` replaced by `value(field)`; `nil` names an unknown field.
    struct UnknownField: Error { let name: String }

    static func expand(_ pattern: String, value: (String) -> String?) -> Result<String, UnknownField> {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return .failure(UnknownField(name: String(rest[open...]))) }
            let name = String(rest[rest.index(after: open)..<close])
            guard let text = value(name) else { return .failure(UnknownField(name: name)) }
            result += text
            rest = rest[rest.index(after: close)...]
        }
        return .success(result + rest)
    }
}
