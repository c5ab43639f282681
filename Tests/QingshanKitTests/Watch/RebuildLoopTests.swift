import Foundation
import Testing

@testable import QingshanKit

@Suite struct RebuildLoopTests {
    @Test func aGoodRebuildWritesTheSiteAndReportsIt() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let loop = RebuildLoop(root: site.root, output: output)
        let report = loop.rebuild(changes: ["content/pages/about.md"])
        #expect(report.succeeded)
        #expect(report.renderedPageCount > 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("about/index.html").path))
        #expect(report.line.hasPrefix("content/pages/about.md (page): \(report.renderedPageCount) pages re-rendered"))
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndPositionsItsErrors() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let loop = RebuildLoop(root: site.root, output: output)
        #expect(loop.rebuild(changes: []).succeeded)
        let page = output.appendingPathComponent("about/index.html")
        let before = try Data(contentsOf: page)

        try site.append("\n[坏链接](missing.md)\n", to: "content/pages/about.md")
        let report = loop.rebuild(changes: ["content/pages/about.md"])
        #expect(!report.succeeded)
        #expect(report.writeSummary == nil)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        let location = try #require(error.location)
        #expect(location.path == "content/pages/about.md")
        #expect(location.line == 20)
        #expect(report.line.contains("failed, 1 error"))
        #expect(try Data(contentsOf: page) == before)
    }

    /// Rebuilds that start from the last one's cache in memory write what a clean build
    /// makes, edit after edit, and leave a cache on disk that a command-line build trusts.
    @Test(arguments: [UInt64(4), 5])
    func rebuildsFromMemoryMatchACleanBuild(seed: UInt64) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let loop = RebuildLoop(root: site.root, output: output)
        #expect(loop.rebuild(changes: []).succeeded)
        var random = SeededRandom(seed: seed)
        let edits: [(String, (TemporarySite) throws -> Void)] = [
            ("content/pages/about.md", { try $0.append("\n更多正文。\n", to: "content/pages/about.md") }),
            ("content/pages/news/third.md", { try $0.write("---\ntitle: 新页面\ndate: 2021-05-01\n---\n新内容。\n", to: "content/pages/news/third.md") }),
            ("content/pages/news/third.md", { try? FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/pages/news/third.md")) }),
            ("site-templates/plain/partials/foot.mustache", { try $0.append("<!-- y -->\n", to: "site-templates/plain/partials/foot.mustache") }),
            ("content/static/files/a.txt", { try $0.write("changed \(UUID())\n", to: "content/static/files/a.txt") }),
        ]
        for _ in 0..<6 {
            let (path, edit) = edits[Int(random.next() % UInt64(edits.count))]
            try edit(site)
            #expect(loop.rebuild(changes: [path]).succeeded)
            let clean = SiteBuilder(root: site.root).build()
            try #require(clean.succeeded)
            #expect(try snapshot(output) == clean.files)
        }
        let next = SiteBuilder.incremental(root: site.root, output: output).build()
        #expect(next.isUnchanged)
    }

    @Test func theLoopRebuildsOnceForABurstOfEdits() async throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        var loop = RebuildLoop(root: site.root, output: output)
        loop.quietPeriod = .milliseconds(300)
        loop.maximumDelay = .seconds(5)
        let watcher = FileWatcher(root: site.root)
        let (reports, sink) = AsyncStream<RebuildReport>.makeStream()
        let task = Task { await loop.run(watching: watcher) { sink.yield($0) } }
        defer { task.cancel() }

        // Three quick saves (and an editor's swap file) make one rebuild.
        try site.write("swap", to: "content/pages/.about.md.swp")
        try site.append("\n一。\n", to: "content/pages/about.md")
        try site.append("\n二。\n", to: "content/pages/about.md")
        try site.append("\n三。\n", to: "content/pages/index.md")
        let report = try #require(await Self.first(of: reports, within: .seconds(20)))
        #expect(report.changes == ["content/pages/about.md", "content/pages/index.md"])
        #expect(report.succeeded)
        let html = try String(contentsOf: output.appendingPathComponent("about/index.html"), encoding: .utf8)
        #expect(html.contains("二。"))
    }

    /// How a spreadsheet program replaces a workbook it saves.
    enum SpreadsheetSave: CaseIterable, Sendable {
        /// Excel: the new workbook into `3F2A9C1B`, the old one renamed to `5E6F7A8B.tmp`, the
        /// new one renamed into its place, the old one deleted.
        case renameAwayAndIn
        /// WPS and LibreOffice: a temporary renamed over the workbook in one step.
        case renameOver
    }

    /// Saving a workbook from Excel or WPS is a burst of renames beside the owner file
    /// `~$villages.xlsx` (written when the workbook is opened): one rebuild, naming only the workbook.
    @Test(arguments: SpreadsheetSave.allCases)
    func aSpreadsheetSaveRebuildsOnce(_ save: SpreadsheetSave) async throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("content/data")
        let workbook = folder.appendingPathComponent("villages.xlsx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try workbookFixture("cells.xlsx").write(to: workbook)
        var loop = RebuildLoop(root: site.root, output: site.root.appendingPathComponent("public"))
        loop.quietPeriod = .milliseconds(300)
        loop.maximumDelay = .seconds(5)
        let watcher = FileWatcher(root: site.root)
        let rebuilds = Locked(0)
        let (reports, sink) = AsyncStream<RebuildReport>.makeStream()
        let task = Task {
            await loop.run(watching: watcher) { report in
                rebuilds.withLock { $0 += 1 }
                sink.yield(report)
            }
        }
        defer { task.cancel() }

        try Data("owner".utf8).write(to: folder.appendingPathComponent("~$villages.xlsx"))
        try await Task.sleep(for: .seconds(1))
        #expect(rebuilds.withLock { $0 } == 0, "the owner file alone rebuilt the site")
        try Self.replace(workbook, with: workbookFixture("date1904.xlsx"), as: save)
        let report = try #require(await Self.first(of: reports, within: .seconds(20)))
        #expect(report.changes == ["content/data/villages.xlsx"])
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.description))")
        try await Task.sleep(for: .seconds(1.5))
        #expect(rebuilds.withLock { $0 } == 1)
    }

    private static func replace(_ workbook: URL, with bytes: Data, as save: SpreadsheetSave) throws {
        let folder = workbook.deletingLastPathComponent()
        let manager = FileManager.default
        switch save {
        case .renameAwayAndIn:
            let fresh = folder.appendingPathComponent("3F2A9C1B")
            let old = folder.appendingPathComponent("5E6F7A8B.tmp")
            try bytes.write(to: fresh)
            try manager.moveItem(at: workbook, to: old)
            try manager.moveItem(at: fresh, to: workbook)
            try manager.removeItem(at: old)
        case .renameOver:
            let fresh = folder.appendingPathComponent("lu2741xq.tmp")
            try bytes.write(to: fresh)
            #expect(rename(fresh.path, workbook.path) == 0)
        }
    }

    static func first<Element: Sendable>(of stream: AsyncStream<Element>, within limit: Duration) async -> Element? {
        await withTaskGroup(of: Element?.self) { group in
            group.addTask { await stream.first { _ in true } }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let result = await group.next() ?? nil
            group.cancelAll()
            return result
        }
    }
}
