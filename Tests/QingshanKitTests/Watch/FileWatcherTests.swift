import Foundation
import Testing

@testable import QingshanKit

/// Real file-system events; each wait is bounded and only its outcome is asserted.
@Suite struct FileWatcherTests {
    /// Collects batches from `watcher` until one contains `path`, or gives up after `seconds`.
    static func waitForChange(_ watcher: FileWatcher, containing path: String, seconds: Double = 10) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await batch in watcher.changes where batch.contains(path) { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let found = await group.next() ?? false
            watcher.stop()
            group.cancelAll()
            return found
        }
    }

    #if os(Linux)
        @Test func inotifyIsUsedOnLinux() throws {
            let site = try TemporarySite(copying: "basic")
            defer { site.remove() }
            let watcher = FileWatcher(root: site.root)
            defer { watcher.stop() }
            #expect(watcher.mechanism == .inotify)
        }
    #endif

    @Test(arguments: [FileWatcher.Mechanism.inotify, .polling])
    func anEditedPageIsReported(mechanism: FileWatcher.Mechanism) async throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let watcher = FileWatcher(root: site.root, mechanism: mechanism, pollInterval: .milliseconds(100))
        try site.append("\n更多内容。\n", to: "content/pages/about.md")
        #expect(await Self.waitForChange(watcher, containing: "content/pages/about.md"))
    }

    @Test(arguments: [FileWatcher.Mechanism.inotify, .polling])
    func aFileInANewFolderIsReported(mechanism: FileWatcher.Mechanism) async throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let watcher = FileWatcher(root: site.root, mechanism: mechanism, pollInterval: .milliseconds(100))
        // The folder appears first, then its file: inotify must have added a watch for it.
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/pages/reports"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        try site.write("---\ntitle: 报告\n---\n正文\n", to: "content/pages/reports/2021.md")
        #expect(await Self.waitForChange(watcher, containing: "content/pages/reports/2021.md"))
    }

    @Test(arguments: [FileWatcher.Mechanism.inotify, .polling])
    func aThemeChangeIsReported(mechanism: FileWatcher.Mechanism) async throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let watcher = FileWatcher(root: site.root, mechanism: mechanism, pollInterval: .milliseconds(100))
        try site.append("\n/* changed */\n", to: "site-templates/plain/assets/style.css")
        #expect(await Self.waitForChange(watcher, containing: "site-templates/plain/assets/style.css"))
    }

    @Test func pollingDifferencesListAddedRemovedAndChangedPaths() {
        let a = PollingWatcher.Stamp(modified: Date(timeIntervalSince1970: 1), size: 10)
        let b = PollingWatcher.Stamp(modified: Date(timeIntervalSince1970: 2), size: 10)
        let old = ["content/pages/a.md": a, "content/pages/gone.md": a, "content/pages/same.md": a]
        let new = ["content/pages/a.md": b, "content/pages/new.md": a, "content/pages/same.md": a]
        #expect(PollingWatcher.differences(old, new) == ["content/pages/a.md", "content/pages/gone.md", "content/pages/new.md"])
    }
}
