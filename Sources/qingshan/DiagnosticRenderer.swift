import Foundation
import QingshanKit

/// Prints diagnostics as `path:line:column: error: message`, in colour only on a terminal.
struct DiagnosticRenderer {
    var useColour: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func render(_ diagnostics: Diagnostics) {
        for diagnostic in diagnostics.sorted {
            var line = ""
            if let location = diagnostic.location { line += bold("\(location): ") }
            line += severity(diagnostic.severity) + bold(diagnostic.message.text)
            for note in diagnostic.notes {
                line += "\n" + colour("note: ", code: "36") + note
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func summary(_ diagnostics: Diagnostics) {
        guard diagnostics.errorCount + diagnostics.warningCount > 0 else { return }
        FileHandle.standardError.write(Data((diagnostics.summary + "\n").utf8))
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
}

/// Diagnostics for machines: `{"diagnostics": [{severity, id, message, path, line, column, notes}], "errors": N, "warnings": N}`.
enum DiagnosticJSON {
    static func render(_ diagnostics: Diagnostics) -> String {
        let items: [[String: Any]] = diagnostics.sorted.map { diagnostic in
            var item: [String: Any] = [
                "severity": diagnostic.severity.rawValue, "id": diagnostic.message.id,
                "message": diagnostic.message.text, "notes": diagnostic.notes,
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
