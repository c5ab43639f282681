import Foundation
import Testing

@testable import QingshanKit

/// A first build writes its pages into the staging folder as it renders them
/// (`OutputWriter.beginFirstBuild`, `SiteBuilder.staging`), as `qingshan build` does: the
/// same site, manifest and findings as a build held in memory, and nothing left behind
/// when it fails.
@Suite struct StagedBuildTests {
    /// The writer of `site` into its `public` folder.
    private func outputWriter(for site: TemporarySite) -> OutputWriter {
        OutputWriter(root: site.root, output: site.root.appendingPathComponent("public"))
    }

    /// Builds `site` into `public` with its pages staged as they are rendered; the
    /// summary is `nil` when the build failed (and so was not written).
    private func stagedBuild(_ site: TemporarySite) throws -> (result: BuildResult, summary: WriteSummary?) {
        let writer = outputWriter(for: site)
        let staging = try #require(try writer.beginFirstBuild())
        defer { staging.discard() }
        var builder = SiteBuilder(root: site.root)
        builder.staging = staging
        let result = builder.build()
        return (result, result.succeeded ? try writer.write(result) : nil)
    }

    private func inMemoryBuild(_ site: TemporarySite) throws -> BuildResult {
        let result = SiteBuilder(root: site.root).build()
        _ = try outputWriter(for: site).write(result)
        return result
    }

    private func manifest(_ site: TemporarySite) throws -> Data {
        try Data(contentsOf: site.root.appendingPathComponent(".qingshan/manifest.json"))
    }

    @Test func aStagedFirstBuildWritesTheSameSiteManifestAndCache() throws {
        let (staged, held) = (try TemporarySite(copyingEverything: ()), try TemporarySite(copyingEverything: ()))
        defer {
            staged.remove()
            held.remove()
        }
        let (result, summary) = try stagedBuild(staged)
        let reference = try inMemoryBuild(held)
        #expect(result.succeeded)
        #expect(!result.stagedPages.isEmpty)
        #expect(result.files.keys.allSatisfy { path in !result.stagedPages.contains { $0.path == path } }, "a staged page is not held again")
        #expect(try snapshot(staged.root.appendingPathComponent("public")) == snapshot(held.root.appendingPathComponent("public")))
        #expect(try manifest(staged) == manifest(held))
        #expect(summary?.added.count == reference.files.count)
        #expect(result.diagnostics.map(\.description) == reference.diagnostics.map(\.description))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: staged.root.path).filter { $0.contains("qingshan-") }
        #expect(leftovers.isEmpty)
        // The next build trusts what the staged build recorded: nothing to do.
        #expect(SiteBuilder.incremental(root: staged.root, output: staged.root.appendingPathComponent("public")).build().isUnchanged)
    }

    @Test func aStagedBuildThatFailsLeavesNothingAndFreesTheLock() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("\n[断链](missing.md)\n", to: "content/pages/about.md")
        let (result, summary) = try stagedBuild(site)
        #expect(!result.succeeded)
        #expect(summary == nil)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("qingshan-") }.isEmpty)
        // The lock went with the staging folder: a second first build may start.
        let again = try outputWriter(for: site).beginFirstBuild()
        #expect(again != nil)
        again?.discard()
    }

    @Test func aLinkToAFolderIsPlacedAsInAnInMemoryBuild() throws {
        let (staged, held) = (try TemporarySite(copying: "basic"), try TemporarySite(copying: "basic"))
        defer {
            staged.remove()
            held.remove()
        }
        // From the home page, `news` names the folder `news/`, not a file: an offline finding
        // that only the whole site's files reveal (the compact analysis keeps no positions).
        for site in [staged, held] {
            let layout = "site-templates/plain/layouts/home.mustache"
            let text = try String(contentsOf: site.root.appendingPathComponent(layout), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "</main>", with: "<a href=\"news\">新闻</a></main>"), to: layout)
        }
        let (result, _) = try stagedBuild(staged)
        let reference = SiteBuilder(root: held.root).build()
        let findings = result.diagnostics.filter { $0.message.id == "offline-folder-link" }
        #expect(findings.count == 1)
        #expect(findings.map(\.description) == reference.diagnostics.filter { $0.message.id == "offline-folder-link" }.map(\.description))
        #expect(!FileManager.default.fileExists(atPath: staged.root.appendingPathComponent("public").path))
    }

    @Test func aSecondBuildIsRefusedWhileAFirstOneStages() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let writer = outputWriter(for: site)
        let staging = try #require(try writer.beginFirstBuild())
        defer { staging.discard() }
        #expect { _ = try writer.beginFirstBuild() } throws: { ($0 as? Diagnostic)?.message == .buildInProgress }
        #expect { _ = try writer.write(SiteBuilder(root: site.root).build()) } throws: { ($0 as? Diagnostic)?.message == .buildInProgress }
    }

    @Test func anExistingOutputFolderIsUpdatedInPlaceNotStaged() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        _ = try inMemoryBuild(site)
        let writer = outputWriter(for: site)
        #expect(try writer.beginFirstBuild() == nil)
        // And the lock was given back.
        _ = try writer.write(SiteBuilder(root: site.root).build())
    }

    @Test func aStagedPageOutsideTheOutputFolderIsRefused() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let staging = try #require(try outputWriter(for: site).beginFirstBuild())
        defer { staging.discard() }
        staging.write(Data("x".utf8), at: "../escaped.html")
        #expect(staging.firstFailure != nil)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("escaped.html").path))
    }
}
