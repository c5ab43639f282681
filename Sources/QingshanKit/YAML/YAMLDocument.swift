import Yams

/// A YAML or JSON file composed to Yams nodes (not constructed to Swift values), so every
/// value keeps its source position and its text exactly as written: `no` and `0510` stay
/// what they are until a schema types them.
struct YAMLDocument {
    var root: Node?
    /// Byte offsets where each line starts, to turn libYAML's scalar columns into UTF-8 byte columns.
    private(set) var lineStarts: [Int]
    private(set) var utf8: [UInt8]
    let path: String
    /// Lines of the file above this YAML text (front matter starts below its `---` line).
    let lineOffset: Int
    /// Bytes left of this YAML text on each line (an indented data block's fence).
    let columnOffset: Int

    /// Aliases may expand to at most this many nodes plus four per byte of the file: enough
    /// for any honest use of anchors, far too few for a "billion laughs" file.
    static let aliasBaseBudget = 10_000

    enum Failure: Error {
        case diagnostic(Diagnostic)
    }

    /// Composes `utf8` (already decoded), which must hold a single document.
    /// JSON is read as YAML; tabs between JSON tokens become spaces first (libYAML refuses
    /// some tabs, and raw tabs cannot occur inside JSON strings), which keeps every column.
    /// - Parameter syntaxMessage: how a syntax error is worded (a data block says so).
    init(
        utf8 bytes: [UInt8], path: String, isJSON: Bool, lineOffset: Int = 0, columnOffset: Int = 0,
        syntaxMessage: (String) -> Diagnostic.Message = Diagnostic.Message.yamlSyntax
    ) throws(Failure) {
        utf8 = isJSON ? bytes.map { $0 == 0x09 ? 0x20 : $0 } : bytes
        self.path = path
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        lineStarts = [0]
        for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
        // Bound the nesting before Yams, which composes (and Swift frees) nodes recursively.
        if let excess = NestingDepthScanner.firstExcess(in: utf8, isJSON: isJSON, limit: SafetyLimits.maxYAMLDepth) {
            throw .diagnostic(
                .error(
                    .yamlTooDeep(depth: excess.depth, limit: SafetyLimits.maxYAMLDepth),
                    at: SourceLocation(path: path, line: excess.line + lineOffset, column: excess.column + columnOffset),
                    notes: ["deeply nested data is refused before parsing so it cannot exhaust the stack; flatten it"]))
        }
        let text = String(decoding: utf8, as: UTF8.self)
        do {
            // The encoding is given, not left to `.default`, which reads the whole process
            // environment on every parse (a third of front-matter parsing in the profile).
            // The basic resolver: Qingshan reads every scalar as text and types it itself
            // (front matter fields, schemas), so Yams' regular-expression tag rules, run on
            // every key when it checks for duplicates, were pure cost (NSRegularExpression
            // was half of front-matter parsing). Keys are compared as text: `1` and `"1"`
            // are the same key, as they are to Qingshan.
            root = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw .diagnostic(diagnostic(for: error, syntaxMessage: syntaxMessage))
        } catch {
            throw .diagnostic(.error(syntaxMessage("\(error)"), at: SourceLocation(path: path, line: lineOffset + 1)))
        }
        if let root {
            var budget = Self.aliasBaseBudget + 4 * utf8.count
            if !Self.spend(&budget, on: root) {
                throw .diagnostic(
                    .error(
                        .yamlAliasBomb(limit: Self.aliasBaseBudget + 4 * utf8.count),
                        at: firstAliasLocation() ?? SourceLocation(path: path, line: lineOffset + 1)))
            }
        }
    }

    /// YAML text from a Markdown file's front matter or a configuration file.
    static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        do throws(Failure) {
            return .success(try YAMLDocument(utf8: Array(text.utf8), path: path, isJSON: false, lineOffset: lineOffset))
        } catch {
            switch error {
            case .diagnostic(let diagnostic): return .failure(diagnostic)
            }
        }
    }

    /// Counts the nodes as they would be expanded, stopping as soon as the budget is
    /// spent. Iterative, so deeply nested YAML cannot overflow the stack.
    private static func spend(_ budget: inout Int, on root: Node) -> Bool {
        var stack = [root]
        while let node = stack.popLast() {
            budget -= 1
            if budget < 0 { return false }
            switch node {
            case .scalar, .alias: continue
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
        return true
    }

    /// The position of `node` as a site-relative location with a UTF-8 byte column.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return location(of: mark)
    }

    func location(of mark: Mark) -> SourceLocation {
        let (line, column) = byteColumn(line: mark.line, scalarColumn: mark.column)
        return SourceLocation(path: path, line: line + lineOffset, column: column + columnOffset)
    }

    /// libYAML counts columns in Unicode scalars; Qingshan counts UTF-8 bytes.
    private func byteColumn(line: Int, scalarColumn: Int) -> (Int, Int) {
        guard line >= 1, line <= lineStarts.count else { return (line, scalarColumn) }
        var offset = lineStarts[line - 1]
        var scalars = 1
        while scalars < scalarColumn, offset < utf8.count, utf8[offset] != UInt8(ascii: "\n") {
            offset += 1
            // Continuation bytes (10xxxxxx) belong to the scalar already counted.
            while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return (line, offset - lineStarts[line - 1] + 1)
    }

    private func diagnostic(for error: YamlError, syntaxMessage: (String) -> Diagnostic.Message) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            var notes: [String] = []
            if problem.contains("tab") { notes.append("YAML indents with spaces; replace the tab characters") }
            return .error(syntaxMessage(problem), at: location(of: mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = location(of: context.mark)
            let again = duplicates.first.flatMap { repeatedKeyLine($0, after: context.mark) }
            return .error(
                .yamlDuplicateKey(duplicates.map { "'\($0)'" }.joined(separator: ", "), firstLine: first.line, againAt: again.map { $0 + lineOffset }),
                at: first,
                notes: ["the position is the key's first appearance; keys in one record must be unique"])
        default:
            return .error(syntaxMessage("\(error)"), at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}

extension Node {
    /// The scalar's text when the node is a scalar, `nil` otherwise.
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

    /// A YAML null: `~`, `null` or nothing, written plain (a quoted `"null"` is text).
    var isNullScalar: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
