/// One finding about the site: an error that stops the build, or a warning that does not.
///
/// The library never prints: it returns diagnostics, and the command-line tool renders
/// them as `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where the problem is; `nil` for a problem with the site as a whole.
    public var location: SourceLocation?
    public var message: Message
    /// Hints shown under the message ("did you forget the closing `---`?").
    public var notes: [String]

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: Message, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: Message, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    public static func note(_ message: Message, at location: SourceLocation?, notes: [String] = []) -> Diagnostic {
        Diagnostic(.note, message, at: location, notes: notes)
    }

    /// `path:line:column: severity: text`, without colour.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message.text)"
    }
}

extension Diagnostic {
    /// A message from the catalogue (`Diagnostic.Message+Catalogue.swift`): a stable
    /// identifier that tests and `--format json` can rely on, and the text for people.
    public struct Message: Sendable, Hashable {
        public var id: String
        /// The English text.
        public var text: String
        /// The Simplified Chinese text, written for an official who edits the site: what is
        /// wrong and what to write instead. Every message of the catalogue has one
        /// (`MessageCatalogueTests`); `nil` only for a message made outside it.
        public var zh: String?

        public init(id: String, text: String, zh: String? = nil) {
            self.id = id
            self.text = text
            self.zh = zh
        }
    }
}

/// Diagnostics collected in order, so one run reports every problem it can find.
public struct Diagnostics: Sendable, Hashable, Sequence {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) { items.append(contentsOf: other) }

    public mutating func error(_ message: Diagnostic.Message, at location: SourceLocation?, notes: [String] = []) {
        items.append(.error(message, at: location, notes: notes))
    }

    public mutating func warning(_ message: Diagnostic.Message, at location: SourceLocation?, notes: [String] = []) {
        items.append(.warning(message, at: location, notes: notes))
    }

    public mutating func note(_ message: Diagnostic.Message, at location: SourceLocation?, notes: [String] = []) {
        items.append(.note(message, at: location, notes: notes))
    }

    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file and position (problems without a file first), then severity:
    /// the order does not depend on which thread found what first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            let la = a.element.location
            let lb = b.element.location
            if la != lb {
                guard let la else { return true }
                guard let lb else { return false }
                return la < lb
            }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }

    /// "2 errors, 1 warning", or "no problems".
    public var summary: String {
        let e = errorCount
        let w = warningCount
        if e == 0 && w == 0 { return "no problems" }
        var parts: [String] = []
        if e > 0 { parts.append(e == 1 ? "1 error" : "\(e) errors") }
        if w > 0 { parts.append(w == 1 ? "1 warning" : "\(w) warnings") }
        return parts.joined(separator: ", ")
    }
}
