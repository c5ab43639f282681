import Foundation
import Testing

@testable import QingshanKit

/// Qingshan never writes or deletes through a symbolic link in or beside the output.
@Suite struct OutputLinkTests {
    /// A folder outside the site that a link points at: it must stay as it was.
    private func elsewhere(_ site: TemporarySite) throws -> URL {
        let folder = site.root.deletingLastPathComponent().appendingPathComponent("elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("index.html"))
        return folder
    }

    /// The error that writing a fresh build of `site` into `output` throws, if any.
    private func refusal(_ site: TemporarySite, _ output: URL) -> Diagnostic? {
        do {
            _ = try OutputWriter(root: site.root, output: output).write(SiteBuilder(root: site.root).build())
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    /// A copy of the basic site, a folder outside it, and the site's output folder.
    private func setUp() throws -> (site: TemporarySite, target: URL, output: URL) {
        let site = try TemporarySite(copying: "basic")
        return (site, try elsewhere(site), site.root.appendingPathComponent("public"))
    }

    private func remove(_ site: TemporarySite, _ target: URL) {
        site.remove()
        try? FileManager.default.removeItem(at: target)
    }

    @Test func anOutputFolderThatIsALinkIsRefused() throws {
        let (site, target, output) = try setUp()
        defer { remove(site, target) }
        try FileManager.default.createSymbolicLink(at: output, withDestinationURL: target)
        let diagnostic = refusal(site, output)
        #expect(diagnostic?.message.id == "output-through-link")
        #expect(diagnostic?.message.text.contains(output.path) == true)
        #expect(try snapshot(target) == ["index.html": Data("keep".utf8)])
    }

    @Test(arguments: ["new", "old", "journal"])
    func aSiblingThatIsALinkIsRefused(_ role: String) throws {
        let (site, target, output) = try setUp()
        defer { remove(site, target) }
        let sibling = site.root.appendingPathComponent(".public.qingshan-\(role)")
        try FileManager.default.createSymbolicLink(at: sibling, withDestinationURL: target)
        let diagnostic = refusal(site, output)
        #expect(diagnostic?.message.id == "output-through-link")
        #expect(diagnostic?.message.text.contains(sibling.path) == true)
        #expect(try snapshot(target) == ["index.html": Data("keep".utf8)])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aFolderInsideTheOutputThatIsALinkIsRefusedBeforeAnythingIsWritten() throws {
        let (site, target, output) = try setUp()
        defer { remove(site, target) }
        _ = try OutputWriter(root: site.root, output: output).write(SiteBuilder(root: site.root).build())
        // `news/` becomes a link to a folder outside; a change inside it and elsewhere follows.
        try FileManager.default.removeItem(at: output.appendingPathComponent("news"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("news"), withDestinationURL: target)
        let before = try snapshot(output)
        try site.append("\n更多。\n", to: "content/pages/about.md")
        try site.append("\n更多。\n", to: "content/pages/news/first.md")
        let diagnostic = refusal(site, output)
        #expect(diagnostic?.message.id == "output-through-link")
        #expect(diagnostic?.message.text.contains(output.path + "/news") == true)
        #expect(try snapshot(output) == before, "nothing was written, not even outside the link")
        #expect(try snapshot(target) == ["index.html": Data("keep".utf8)])
    }
}
