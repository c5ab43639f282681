import Foundation
import QingshanKit

/// Prints diagnostics to standard error (`DiagnosticFormatter`), in colour only on a terminal.
struct DiagnosticRenderer {
    var formatter = DiagnosticFormatter(
        useColour: isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

    func render(_ diagnostics: Diagnostics) {
        FileHandle.standardError.write(Data(formatter.text(diagnostics).utf8))
    }

    /// "2 errors, 1 warning", when there is anything to count.
    func summary(_ diagnostics: Diagnostics) {
        guard diagnostics.errorCount + diagnostics.warningCount > 0 else { return }
        FileHandle.standardError.write(Data((diagnostics.summary + "\n").utf8))
    }
}
