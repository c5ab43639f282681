import ArgumentParser
import Foundation
import QingshanKit

extension BuildCommand {
    /// `qingshan build --watch`: build once, then rebuild after every debounced change
    /// until interrupted. A failed build is reported and the watch goes on; the output
    /// folder keeps the last good site.
    func runWatching() throws {
        let root = site.rootURL
        let renderer = DiagnosticRenderer()
        let outputURL = try site.outputFolder(output, renderer: renderer)
        let loop = RebuildLoop(root: root, output: outputURL)
        let watcher = FileWatcher(root: root)
        WatchOutput.report(loop.rebuild(changes: []), renderer: renderer)
        print("watching content/ and site-templates/ with \(watcher.mechanism.rawValue); Ctrl-C stops")
        fflush(nil)
        // BuildCommand is synchronous; wait here for the loop, which only ends when the
        // process does (Ctrl-C ends it; every write is atomic, so nothing is left half-done).
        let done = DispatchSemaphore(value: 0)
        Task {
            await loop.run(watching: watcher) { report in WatchOutput.report(report, renderer: renderer) }
            done.signal()
        }
        done.wait()
    }
}
