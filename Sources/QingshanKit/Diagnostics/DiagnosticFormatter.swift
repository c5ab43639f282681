import Foundation

/// Diagnostics as text for people (`path:line:column: error: message`, notes below) and
/// as JSON for machines. Pure: the command line decides where they go and whether the
/// terminal gets colour.
public struct DiagnosticFormatter: Sendable {
    /// ANSI colour and bold (only for a terminal, and never with `NO_COLOR`).
    public var useColour: Bool
    /// The language of the messages; the `path:line:column: error:` prefix stays as it is
    /// in both, so editors and CI tools still parse it.
    public var language: MessageLanguage

    public init(useColour: Bool = false, language: MessageLanguage = .english) {
        self.useColour = useColour
        self.language = language
    }

    /// One line per diagnostic, sorted by place, each note on its own line.
    public func text(_ diagnostics: Diagnostics) -> String {
        diagnostics.sorted.map { diagnostic in
            var line = ""
            if let location = diagnostic.location { line += bold("\(location): ") }
            line += severity(diagnostic.severity) + bold(diagnostic.message.text(in: language))
            for note in diagnostic.notes(in: language) {
                line += "\n" + colour("note: ", code: "36") + note
            }
            return line + "\n"
        }.joined()
    }

    private func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: colour("error: ", code: "1;31")
        case .warning: colour("warning: ", code: "1;35")
        case .note: colour("note: ", code: "1;36")
        }
    }

    private func bold(_ text: String) -> String { colour(text, code: "1") }

    private func colour(_ text: String, code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `{"diagnostics": [{severity, id, message, path, line, column, notes}], "errors": N,
    /// "warnings": N}`, keys sorted, so the same diagnostics give the same bytes.
    /// `message` is in `language` (English unless asked); `id` is the same in both.
    public static func json(_ diagnostics: Diagnostics, language: MessageLanguage = .english) -> String {
        let items: [[String: Any]] = diagnostics.sorted.map { diagnostic in
            var item: [String: Any] = [
                "severity": diagnostic.severity.rawValue, "id": diagnostic.message.id,
                "message": diagnostic.message.text(in: language), "notes": diagnostic.notes(in: language),
            ]
            if let location = diagnostic.location {
                item["path"] = location.path
                if let line = location.line { item["line"] = line }
                if let column = location.column { item["column"] = column }
            }
            return item
        }
        let object: [String: Any] = ["diagnostics": items, "errors": diagnostics.errorCount, "warnings": diagnostics.warningCount]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
