import Yams

/// Typed, positioned reading of one YAML mapping: each accessor checks the value's
/// type from the text as written (never guessing: `no` is only a boolean where a
/// boolean is expected) and records a diagnostic at the value when it is wrong.
struct YAMLMapping {
    let document: YAMLDocument
    let node: Node
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)]
    var diagnostics: [Diagnostic] = []

    init?(_ node: Node, in document: YAMLDocument) {
        guard let pairs = node.orderedPairs else { return nil }
        self.document = document
        self.node = node
        self.pairs = pairs
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func location(of key: String) -> SourceLocation {
        if let pair = pairs.first(where: { $0.key == key }) { return document.location(of: pair.value) }
        return document.location(of: node)
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(.missingKey(key), at: document.location(of: self.node))) }
            return nil
        }
        guard let text = node.scalarText else {
            diagnostics.append(.error(.wrongType(key: key, expected: "text", found: node.kindName), at: document.location(of: node)))
            return nil
        }
        if required && text.isEmpty {
            diagnostics.append(.error(.missingKey(key), at: document.location(of: node)))
            return nil
        }
        return text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        switch node.scalarText {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(
                .error(
                    .invalidValue(key: key, value: node.scalarText ?? node.kindName, expected: "true or false"),
                    at: document.location(of: node)))
            return nil
        }
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalarText, let number = Int(text) else {
            diagnostics.append(
                .error(
                    .invalidValue(key: key, value: node.scalarText ?? node.kindName, expected: "a whole number"),
                    at: document.location(of: node)))
            return nil
        }
        return number
    }

    /// A date written `YYYY-MM-DD`, or `YYYY-MM` when only the month is known
    /// (the letter's "2020年4月起"), returned as written.
    mutating func date(_ key: String) -> String? {
        guard let node = value(key) else { return nil }
        guard let text = node.scalarText, Self.isISODate(text) else {
            diagnostics.append(.error(.invalidDate(key: key, value: node.scalarText ?? node.kindName), at: document.location(of: node)))
            return nil
        }
        return text
    }

    mutating func mapping(_ key: String) -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        guard let mapping = YAMLMapping(node, in: document) else {
            diagnostics.append(.error(.wrongType(key: key, expected: "a mapping", found: node.kindName), at: document.location(of: node)))
            return nil
        }
        return mapping
    }

    mutating func sequence(_ key: String) -> [Node]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(.wrongType(key: key, expected: "a list", found: node.kindName), at: document.location(of: node)))
            return nil
        }
        return Array(items)
    }

    /// Warns about keys outside `known`, which are most often typos.
    mutating func warnAboutUnknownKeys(known: [String]) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.append(.warning(.unknownKey(pair.key, known: known), at: document.location(of: pair.keyNode)))
        }
    }

    static func isISODate(_ text: String) -> Bool {
        if text.utf8.count == 7 { return isISODate(text + "-01") }
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 }
        guard digits, let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
