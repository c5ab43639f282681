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
