import ArgumentParser
import Foundation
import QingshanKit

extension BuildInvocation {
    /// `qingshan build --watch`: build once, then rebuild after every debounced change
    /// until interrupted. A failed build is reported and the watch goes on; the output
    /// folder keeps the last good site.
    func runWatching() throws {
        StopSignals.stopBetweenWrites()
        let root = site.rootURL
        let renderer = site.renderer()
        let outputURL = try site.outputFolder(output, renderer: renderer)
        let lines = WatchOutput(renderer: renderer)
        let loop = RebuildLoop(root: root, output: outputURL)
        let watcher = FileWatcher(root: root)
        lines.report(loop.rebuild(changes: []))
        let mechanism = watcher.mechanism.rawValue
        lines.say(
            renderer.say(
                "watching content/ and site-templates/ with \(mechanism); Ctrl-C stops",
                "正在用 \(mechanism) 监视 content/ 和 site-templates/，保存即重新生成；按 Ctrl-C 停止"))
        // BuildCommand is synchronous; wait here for the loop, which only ends when the
        // process does (Ctrl-C ends it between two writes: StopSignals).
        let done = DispatchSemaphore(value: 0)
        Task {
            await loop.run(watching: watcher) { report in lines.report(report) }
            done.signal()
        }
        done.wait()
    }
}
