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
    private var shown = ShownDiagnostics()

    init(renderer: DiagnosticRenderer) {
        self.renderer = renderer
    }

    func report(_ report: RebuildReport) {
        let fresh = lock.withLock { shown.fresh(report.diagnostics, changes: report.changes) }
        renderer.render(fresh)
        say(report.line(in: renderer.language))
    }

    /// `text` on standard output, after the time.
    func say(_ text: String) {
        print("[\(ClockStamp.time(Date()))] \(text)")
        fflush(nil)
    }
}
