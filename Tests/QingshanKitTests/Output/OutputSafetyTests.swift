import Foundation
import Testing

@testable import QingshanKit

/// The previous site survives whatever happens while a new one is written.
@Suite struct OutputSafetyTests {
    struct Failure: Error {}

    private func builtSite() throws -> (TemporarySite, URL, [String: Data]) {
        let site = try TemporarySite(copying: "basic")
        let output = site.root.appendingPathComponent("public")
        _ = try OutputWriter(root: site.root, output: output).write(SiteBuilder(root: site.root).build())
        return (site, output, try snapshot(output))
    }

    @Test func aFirstBuildThatFailsLeavesNothingBehind() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        #expect(throws: Diagnostic.self) {
            try FolderSwap(output: output).replace { staging in
                try Data("half".utf8).write(to: staging.appendingPathComponent("index.html"))
                throw Failure()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("qingshan-") }.isEmpty)
    }

    @Test func aBuildKilledBetweenTheRenamesIsRecovered() throws {
        let (site, output, before) = try builtSite()
        defer { site.remove() }
        // The state a kill leaves after the old site was moved aside and before the new
        // one was moved in.
        let aside = site.root.appendingPathComponent(".public.qingshan-old")
        try FileManager.default.moveItem(at: output, to: aside)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".public.qingshan-new"), withIntermediateDirectories: false)
        try FolderSwap(output: output).recoverInterruptedSwap()
        #expect(try snapshot(output) == before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func anUpdateKilledHalfwayIsRolledBackByTheNextBuild() throws {
        let (site, output, before) = try builtSite()
        defer { site.remove() }
        let journal = OutputJournal(output: output)
        let writes = ["about/index.html": Data("新".utf8), "index.html": Data("新首页".utf8), "added/index.html": Data("加".utf8)]
        #expect(throws: OutputJournal.Interrupted.self) {
            try journal.update(writes: writes, removals: ["news/tongbo/index.html"], interruptAfter: 2)
        }
        #expect(try snapshot(output) != before, "the interrupted update changed some files")
        try journal.recover()
        #expect(try snapshot(output) == before)
        #expect(!FileManager.default.fileExists(atPath: journal.folder.path))
    }

    @Test func aFailedUpdateRollsBackAtOnce() throws {
        let (site, output, before) = try builtSite()
        defer { site.remove() }
        // A folder where a file must go makes the second write fail after the first succeeded.
        let writes = ["about/index.html": Data("新".utf8), "news": Data("x".utf8)]
        #expect(throws: Diagnostic.self) {
            try OutputJournal(output: output).update(writes: writes, removals: [])
        }
        #expect(try snapshot(output) == before)
    }

    @Test func aSecondBuildWritingAtTheSameTimeIsRefused() throws {
        let (site, output, before) = try builtSite()
        defer { site.remove() }
        let lock = try BuildLock(url: site.root.appendingPathComponent(".qingshan/build.lock"))
        defer { lock.release() }
        try site.append("\n更多。\n", to: "content/pages/about.md")
        let result = SiteBuilder(root: site.root).build()
        #expect {
            _ = try OutputWriter(root: site.root, output: output).write(result)
        } throws: { ($0 as? Diagnostic)?.message == .buildInProgress }
        #expect(try snapshot(output) == before)
    }

    @Test func unchangedFilesKeepTheirIdentityAcrossAWrite() throws {
        let (site, output, _) = try builtSite()
        defer { site.remove() }
        let unchanged = output.appendingPathComponent("news/tongbo/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: unchanged)
        try site.append("\n更多。\n", to: "content/pages/about.md")
        let summary = try OutputWriter(root: site.root, output: output).write(SiteBuilder(root: site.root).build())
        #expect(summary.changed.contains("about/index.html"))
        let after = try FileManager.default.attributesOfItem(atPath: unchanged)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? UInt64 == before[.systemFileNumber] as? UInt64)
    }

    /// Found by scripts/drills: the rollback of a killed update ran after the comparison,
    /// reverting files the killed build had written and the next build took as up to date.
    @Test func filesAKilledUpdateWroteAreRightAfterTheNextBuild() throws {
        let (site, output, _) = try builtSite()
        defer { site.remove() }
        try site.append("\n更多。\n", to: "content/pages/about.md")
        let result = SiteBuilder(root: site.root).build()
        let about = try #require(result.files["about/index.html"])
        #expect(throws: OutputJournal.Interrupted.self) {
            try OutputJournal(output: output).update(writes: ["about/index.html": about, "index.html": Data("半".utf8)], removals: [], interruptAfter: 1)
        }
        _ = try OutputWriter(root: site.root, output: output).write(result)
        #expect(try Data(contentsOf: output.appendingPathComponent("about/index.html")) == about)
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == result.files["index.html"] ?? Data())
    }
}
