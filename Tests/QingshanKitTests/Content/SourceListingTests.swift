import Foundation
import Testing

@testable import QingshanKit

/// Every source the walk does not read is named, with why; none is dropped silently.
@Suite struct SourceListingTests {
    private func found(_ site: TemporarySite) -> [String] {
        let (_, diagnostics) = ContentLoader.load(root: site.root)
        return diagnostics.filter { $0.message.id.hasPrefix("skipped-") }
            .map { "\($0.severity) \($0.message.id) \($0.location?.path ?? "")" }.sorted()
    }

    private func link(_ site: TemporarySite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test func linksThatCannotBeReadAreNamed() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try link(site, "content/pages/gone.md", to: "nowhere.md")
        try link(site, "content/pages/loop-a.md", to: "loop-b.md")
        try link(site, "content/pages/loop-b.md", to: "loop-a.md")
        try link(site, "content/pages/shared", to: site.root.appendingPathComponent("content/static").path)
        try link(site, "content/pages/notes.txt", to: "nowhere.txt")
        try link(site, "content/static/files/gone.pdf", to: "nowhere.pdf")
        #expect(
            found(site) == [
                "error skipped-dangling-link content/pages/gone.md",
                "error skipped-dangling-link content/static/files/gone.pdf",
                "error skipped-folder-link content/pages/shared",
                "error skipped-link-loop content/pages/loop-a.md",
                "error skipped-link-loop content/pages/loop-b.md",
                "warning skipped-dangling-link content/pages/notes.txt",
            ])
    }

    @Test func aNameThatIsNotUTF8IsNamedWithItsBytes() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        // `通知.md` saved by a GBK system: B0 A1 is not UTF-8.
        let path = Array((site.root.path + "/content/pages/").utf8) + [0xB0, 0xA1] + Array(".md".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(found(site) == ["error skipped-invalid-name content/pages/\\xB0\\xA1.md"])
        #expect(SourceListing.display([0x61, 0xE9, 0x62, 0xE4, 0xB8, 0xAD]) == "a\\xE9b中")
    }

    @Test func aPathTooLongForTheFileSystemIsNamed() throws {
        let site = try TemporarySite(copying: "basic")
        defer {
            // FileManager cannot remove paths longer than PATH_MAX; rm works level by level.
            let rm = Process()
            rm.executableURL = URL(fileURLWithPath: "/bin/rm")
            rm.arguments = ["-rf", site.root.path]
            try? rm.run()
            rm.waitUntilExit()
        }
        // 24 levels of 200-byte names: past Linux's 4096-byte PATH_MAX.
        var folder = open(site.root.appendingPathComponent("content/pages").path, O_RDONLY | O_DIRECTORY)
        let name = String(repeating: "深", count: 66)
        for _ in 0..<24 {
            #expect(mkdirat(folder, name, 0o755) == 0)
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
        }
        let page = openat(folder, "page.md", O_CREAT | O_WRONLY, 0o644)
        close(page)
        close(folder)
        let findings = found(site)
        #expect(findings.count == 1)
        #expect(findings.first?.hasPrefix("error skipped-path-too-long content/pages/\(name)/") == true)
    }

    @Test func aPipeIsNamedButIsNoLoss() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        #expect(mkfifo(site.root.appendingPathComponent("content/pages/pipe.md").path, 0o644) == 0)
        #expect(found(site) == ["warning skipped-not-a-file content/pages/pipe.md"])
    }

    /// Root reads every folder whatever its mode: nothing to test there.
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableFolderIsNamed() throws {
        let site = try TemporarySite(copying: "basic")
        let locked = site.root.appendingPathComponent("content/pages/news")
        defer {
            chmod(locked.path, 0o755)
            site.remove()
        }
        chmod(locked.path, 0)
        #expect(found(site) == ["error skipped-unreadable content/pages/news"])
    }

    @Test func aLinkAddedAfterABuildIsNotTakenForNoChange() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let first = SiteBuilder.incremental(root: site.root, output: output).build()
        _ = try OutputWriter(root: site.root, output: output).write(first)
        try link(site, "content/pages/gone.md", to: "nowhere.md")
        let second = SiteBuilder.incremental(root: site.root, output: output).build()
        #expect(!second.succeeded)
        #expect(second.diagnostics.items.map(\.message.id).contains("skipped-dangling-link"))
    }

    /// A skipped source is named on every build, a build with nothing to do included: the
    /// cache keeps the build's warnings that no page holds and shows them again.
    @Test func aSkippedSourceIsNamedOnANoOpBuildToo() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try link(site, "content/pages/notes.txt", to: "nowhere.txt")
        let output = site.root.appendingPathComponent("public")
        func build() throws -> BuildResult {
            let result = SiteBuilder.incremental(root: site.root, output: output).build()
            try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
            _ = try OutputWriter(root: site.root, output: output).write(result)
            return result
        }
        func skipped(_ result: BuildResult) -> [String] {
            result.diagnostics.filter { $0.message.id.hasPrefix("skipped-") }.map { "\($0.severity) \($0.message.id) \($0.location?.path ?? "")" }
        }
        let expected = ["warning skipped-dangling-link content/pages/notes.txt"]
        #expect(skipped(try build()) == expected)
        let again = try build()
        #expect(again.isUnchanged)
        #expect(skipped(again) == expected)
        #expect(skipped(try build()) == expected)
        // Once the link is gone, the warning is too (the removal is a source change).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/notes.txt"))
        #expect(skipped(try build()).isEmpty)
        let last = try build()
        #expect(last.isUnchanged && skipped(last).isEmpty)
    }
}
