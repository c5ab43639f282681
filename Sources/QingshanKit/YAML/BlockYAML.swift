import Yams

/// A value read from a data block's options, with where it was written in the Markdown file.
struct OptionValue<Value: Sendable>: Sendable {
    var value: Value
    var location: SourceLocation
}

/// Reads a data block's YAML body and maps libYAML positions to the Markdown file.
///
/// libYAML counts columns in Unicode scalars; diagnostics count UTF-8 bytes, so a key
/// after `名称: ` is found by re-measuring the line's prefix in bytes.
struct BlockYAML {
    let lines: [Substring]
    /// The first line of the body in the Markdown file (its column is the fence indentation + 1).
    let bodyStart: SourceLocation

    init(body: String, bodyStart: SourceLocation) {
        self.lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        self.bodyStart = bodyStart
    }

    /// The opening fence line, where problems with the block as a whole are reported.
    var fenceLocation: SourceLocation {
        SourceLocation(path: bodyStart.path, line: bodyStart.line.map { max(1, $0 - 1) }, column: bodyStart.column ?? 1)
    }

    /// Where a 1-based libYAML line and scalar column is in the Markdown file.
    func location(line: Int, scalarColumn: Int) -> SourceLocation {
        var byteColumn = scalarColumn
        if line >= 1 && line <= lines.count {
            let text = lines[line - 1]
            let prefix = text.unicodeScalars.prefix(max(0, scalarColumn - 1))
            byteColumn = prefix.reduce(0) { $0 + UTF8.width($1) } + 1
        }
        let indentation = (bodyStart.column ?? 1) - 1
        return SourceLocation(
            path: bodyStart.path,
            line: (bodyStart.line ?? 1) + line - 1,
            column: byteColumn + indentation)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return fenceLocation }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    /// The top-level mapping, or `nil` after reporting why there is none.
    /// An empty body reads as an empty mapping.
    func root(diagnostics: inout Diagnostics) -> [(key: OptionValue<String>, value: Node)]? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: lines.joined(separator: "\n"))
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                diagnostics.error(
                    .dataBlockInvalidYAML(problem), at: location(line: mark.line, scalarColumn: mark.column))
            default:
                diagnostics.error(.dataBlockInvalidYAML(String(describing: error)), at: fenceLocation)
            }
            return nil
        } catch {
            diagnostics.error(.dataBlockInvalidYAML(String(describing: error)), at: fenceLocation)
            return nil
        }
        guard let node else { return [] }
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
