import Foundation
import QingshanKit

/// Prints diagnostics to standard error (`DiagnosticFormatter`), in colour only on a
/// terminal, in the run's language.
struct DiagnosticRenderer {
    var language: MessageLanguage = .english
    var formatter: DiagnosticFormatter

    init(language: MessageLanguage = .english) {
        self.language = language
        formatter = DiagnosticFormatter(
            useColour: isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, language: language)
    }

    func render(_ diagnostics: Diagnostics) {
        FileHandle.standardError.write(Data(formatter.text(diagnostics).utf8))
    }

    /// "2 errors, 1 warning" (或“2 个错误，1 个警告”), when there is anything to count.
    func summary(_ diagnostics: Diagnostics) {
        guard diagnostics.errorCount + diagnostics.warningCount > 0 else { return }
        FileHandle.standardError.write(Data((diagnostics.summary(in: language) + "\n").utf8))
    }

    /// `english` or `chinese`, by the run's language.
    func say(_ english: String, _ chinese: String) -> String { language.pick(english, chinese) }

    /// A line on standard error.
    func complain(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
