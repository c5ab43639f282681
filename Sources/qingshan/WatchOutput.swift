import Foundation
import QingshanKit

/// The output of `build --watch` and `serve`: diagnostics on standard error, one line per
/// rebuild on standard output, every line of ours stamped with a 24-hour clock
/// (`[18:41:33]`). A standing note or warning ("no baseURL", "no licence") is shown once
/// per run, not after every rebuild, unless its own file changed; errors are shown every
/// time, until they are fixed.
final class WatchOutput: @unchecked Sendable {
    let renderer: DiagnosticRenderer
    private let lock = NSLock()
    private var notesShown: Set<String> = []

    init(renderer: DiagnosticRenderer) {
        self.renderer = renderer
    }

    func report(_ report: RebuildReport) {
        let fresh = lock.withLock { freshDiagnostics(report.diagnostics, changes: Set(report.changes)) }
        renderer.render(fresh)
        say(report.line(in: renderer.language))
    }

    /// `text` on standard output, after the time.
    func say(_ text: String) {
        print("[\(ClockStamp.time(Date()))] \(text)")
        fflush(nil)
    }

    /// The diagnostics without the notes and warnings already shown in this run about
    /// files that did not change.
    private func freshDiagnostics(_ diagnostics: Diagnostics, changes: Set<String>) -> Diagnostics {
        Diagnostics(
            diagnostics.items.filter { diagnostic in
                guard diagnostic.severity != .error else { return true }
                let key = "\(diagnostic.location?.description ?? "")|\(diagnostic.message.id)|\(diagnostic.message.text)"
                let isNew = notesShown.insert(key).inserted
                return isNew || diagnostic.location.map { changes.contains($0.path) } == true
            })
    }
}
