import Foundation
import QingshanKit

/// The output of `build --watch` and `serve`: diagnostics on standard error, one line per
/// rebuild on standard output, every line of ours stamped with a 24-hour clock
/// (`[18:41:33]`). A standing note ("no baseURL") is shown once per run, not after every
/// rebuild; errors and warnings are shown every time, until they are fixed.
final class WatchOutput: @unchecked Sendable {
    let renderer: DiagnosticRenderer
    private let lock = NSLock()
    private var notesShown: Set<String> = []

    init(renderer: DiagnosticRenderer) {
        self.renderer = renderer
    }

    func report(_ report: RebuildReport) {
        let fresh = lock.withLock { freshDiagnostics(report.diagnostics) }
        renderer.render(fresh)
        say(report.line(in: renderer.language))
    }

    /// `text` on standard output, after the time.
    func say(_ text: String) {
        print("[\(ClockStamp.time(Date()))] \(text)")
        fflush(nil)
    }

    /// The diagnostics without the notes already shown in this run.
    private func freshDiagnostics(_ diagnostics: Diagnostics) -> Diagnostics {
        Diagnostics(
            diagnostics.items.filter { diagnostic in
                guard diagnostic.severity == .note else { return true }
                return notesShown.insert("\(diagnostic.location?.description ?? "")|\(diagnostic.message.id)|\(diagnostic.message.text)").inserted
            })
    }
}
