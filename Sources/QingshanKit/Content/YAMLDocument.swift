import Foundation
import Yams

/// A YAML text from a file, parsed into nodes that remember where they stand, so that
/// every complaint about a value can point at it.
///
/// libYAML counts columns in Unicode scalars; `location(of:)` converts them to the
/// UTF-8 byte columns used everywhere else in Qingshan.
struct YAMLDocument {
    let path: String
    /// Lines of the file above the YAML text (1 for front matter after `---`).
    let lineOffset: Int
    let lines: [Substring]
    let root: Node?

    /// The most nodes a document may expand to. Aliases can make a few lines stand for
    /// billions of nodes ("billion laughs"); past this bound the document is refused.
    static let maximumNodeCount = 100_000

    /// Parses `text`, or returns the positioned error that stops it.
    static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            let root = try Yams.compose(yaml: text)
            let document = YAMLDocument(path: path, lineOffset: lineOffset, lines: lines, root: root)
            if let root, !Self.isWithinBound(root) {
                return .failure(.error(.yamlTooLarge(limit: maximumNodeCount), at: document.location(of: root)))
            }
            return .success(document)
        } catch let error as YamlError {
            let document = YAMLDocument(path: path, lineOffset: lineOffset, lines: lines, root: nil)
            return .failure(document.diagnostic(for: error))
        } catch {
            return .failure(.error(.yamlSyntax(String(describing: error)), at: SourceLocation(path: path, line: lineOffset + 1)))
        }
    }

    /// Counts nodes as expanded, stopping as soon as the bound is passed.
    private static func isWithinBound(_ root: Node) -> Bool {
        var count = 0
        var stack = [root]
        while let node = stack.popLast() {
            count += 1
            if count > maximumNodeCount { return false }
            switch node {
            case .scalar: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .alias: break
            }
        }
        return true
    }

    /// Where a node starts in the file: real line, UTF-8 byte column.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return location(line: mark.line, scalarColumn: mark.column)
    }

    func location(line: Int, scalarColumn: Int) -> SourceLocation {
        var column = scalarColumn
        if line >= 1, line <= lines.count {
            let text = lines[line - 1]
            let prefix = text.unicodeScalars.prefix(max(scalarColumn - 1, 0))
            column = prefix.reduce(0) { $0 + UTF8.width($1) } + 1
        }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            var notes: [String] = []
            if problem.contains("tab") { notes.append("YAML indents with spaces; replace the tab characters") }
            return .error(.yamlSyntax(problem), at: location(line: mark.line, scalarColumn: mark.column), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                .yamlDuplicateKey(duplicates.joined(separator: ", ")),
                at: location(line: context.mark.line, scalarColumn: context.mark.column))
        default:
            return .error(.yamlSyntax(String(describing: error)), at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}

extension Node {
    /// The scalar's text exactly as written (no type guessing: `no` stays "no", `0510` stays "0510").
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// The pairs of a mapping, in file order, with string keys.
    var orderedPairs: [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.map { (key: $0.key.scalarText ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// A short name of the node's kind, for messages.
    var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
