import Yams

/// A value read from a data block's options, with where it was written in the Markdown file.
struct OptionValue<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation
}

/// Reads a data block's YAML body through `YAMLDocument` (so the nesting-depth guard and
/// the alias budget apply, as to every YAML Qingshan reads), with positions in the
/// Markdown file.
struct BlockYAML {
    /// The first line of the body in the Markdown file (its column is the fence indentation + 1).
    let bodyStart: SourceLocation
    private let parsed: Result<YAMLDocument, Diagnostic>

    init(body: String, bodyStart: SourceLocation) {
        self.bodyStart = bodyStart
        do throws(YAMLDocument.Failure) {
            parsed = .success(
                try YAMLDocument(
                    utf8: Array(body.utf8), path: bodyStart.path, isJSON: false, lineOffset: (bodyStart.line ?? 1) - 1,
                    columnOffset: (bodyStart.column ?? 1) - 1, syntaxMessage: Diagnostic.Message.dataBlockInvalidYAML))
        } catch {
            switch error {
            case .diagnostic(let diagnostic): parsed = .failure(diagnostic)
            }
        }
    }

    /// The opening fence line, where problems with the block as a whole are reported.
    var fenceLocation: SourceLocation {
        SourceLocation(path: bodyStart.path, line: bodyStart.line.map { max(1, $0 - 1) }, column: bodyStart.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation {
        guard node.mark != nil, case .success(let document) = parsed else { return fenceLocation }
        return document.location(of: node)
    }

    /// The top-level mapping, or `nil` after reporting why there is none.
    /// An empty body reads as an empty mapping.
    func root(diagnostics: inout Diagnostics) -> [(key: OptionValue<String>, value: Node)]? {
        let document: YAMLDocument
        switch parsed {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        guard let node = document.root else { return [] }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(.dataBlockNotAMapping, at: location(of: node))
            return nil
        }
        var pairs: [(key: OptionValue<String>, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                diagnostics.error(.dataBlockNotAMapping, at: location(of: key))
                continue
            }
            pairs.append((OptionValue(value: scalar.string, location: location(of: key)), value))
        }
        return pairs
    }

    // MARK: Typed readers; each reports a positioned error and returns nil on a mismatch.

    func string(_ node: Node, option: String, diagnostics: inout Diagnostics) -> OptionValue<String>? {
        switch node {
        case .scalar(let scalar):
            return OptionValue(value: scalar.string, location: location(of: node))
        case .alias:
            diagnostics.error(.dataBlockAlias, at: location(of: node))
        default:
            diagnostics.error(.dataBlockWrongType(option, expected: "a single value"), at: location(of: node))
        }
        return nil
    }

    /// A single value or a list of values (`y: 投资` or `y: [申请, 投放]`).
    func strings(_ node: Node, option: String, diagnostics: inout Diagnostics) -> [OptionValue<String>]? {
        if case .sequence(let sequence) = node {
            var values: [OptionValue<String>] = []
            for item in sequence {
                guard let value = string(item, option: option, diagnostics: &diagnostics) else { return nil }
                values.append(value)
            }
            return values
        }
        return string(node, option: option, diagnostics: &diagnostics).map { [$0] }
    }

    func integer(_ node: Node, option: String, diagnostics: inout Diagnostics) -> OptionValue<Int>? {
        guard let text = string(node, option: option, diagnostics: &diagnostics) else { return nil }
        guard let value = Int(text.value), value >= 0 else {
            diagnostics.error(.dataBlockWrongType(option, expected: "a whole number"), at: text.location)
            return nil
        }
        return OptionValue(value: value, location: text.location)
    }

    func mapping(_ node: Node, option: String, expected: String, diagnostics: inout Diagnostics)
        -> [(key: OptionValue<String>, value: Node)]?
    {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(.dataBlockWrongType(option, expected: expected), at: location(of: node))
            return nil
        }
        var pairs: [(key: OptionValue<String>, value: Node)] = []
        for (key, value) in mapping {
            guard let name = string(key, option: option, diagnostics: &diagnostics) else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }
}
