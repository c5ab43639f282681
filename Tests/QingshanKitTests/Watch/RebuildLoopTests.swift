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
