import Foundation
import Testing

@testable import QingshanKit

/// The snapshots in a build: the 本期变化 pages, record histories, the feed, the
/// `qingshan snapshot` refusals, and incremental builds after a snapshot.
@Suite struct SnapshotBuildTests {
    @discardableResult
    private func build(_ site: TemporarySite) throws -> BuildResult {
        let output = site.root.appendingPathComponent("public")
        let result = SiteBuilder.incremental(root: site.root, output: output).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        _ = try OutputWriter(root: site.root, output: output).write(result)
        return result
    }

    private func text(_ result: BuildResult, _ path: String) throws -> String {
        String(decoding: try #require(result.files[path], "no \(path)"), as: UTF8.self)
    }

    @Test func theChangesPagesMatchTheirGoldenFiles() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        try #require(result.succeeded)
        try Golden.expect(try text(result, "changes/index.html"), matches: "changes/index.html")
        try Golden.expect(try text(result, "changes/2021-09-30/index.html"), matches: "changes/2021-09-30/index.html")
    }

    @Test func aSiteWithoutSnapshotsSaysThereIsNoEarlierPublication() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/snapshots"))
        let result = SiteBuilder(root: site.root).build()
        try #require(result.succeeded)
        #expect(try text(result, "changes/index.html").contains("尚无更早的发布记录"))
        #expect(!result.files.keys.contains { $0.hasPrefix("changes/2") })
        #expect(!(try text(result, "rural-remediation/villages/511702002001/index.html").contains("历次发布")))
    }

    @Test func aRecordPageShowsTheEarlierValues() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        let page = try text(result, "rural-remediation/villages/511702002001/index.html")
        #expect(page.contains("历次发布"))
        #expect(page.contains(#"<time datetime="2021-06-30">2021年6月30日</time>"#))
        #expect(page.contains("<td>在建</td>"))
        #expect(page.contains("当前数据"))
    }

    @Test func nothingChangedSaysSinceWhen() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let outcome = SiteBuilder(root: site.root).recordSnapshot(date: "2021-12-31", note: "年末", replace: false)
        #expect(!outcome.diagnostics.contains { $0.severity == .error })
        #expect(outcome.written.contains("content/snapshots/2021-12-31/villages.csv"))
        let result = SiteBuilder(root: site.root).build()
        let changes = try text(result, "changes/index.html")
        #expect(changes.contains("自 <time datetime=\"2021-12-31\">2021年12月31日</time> 发布以来，数据没有变化。"))
        #expect(changes.contains("2021年12月31日发布的数据变化"))
        #expect(result.files["changes/2021-12-31/index.html"] != nil)
    }

    @Test func theFeedHasAnEntryPerArchivedPeriodDatedByItsSnapshot() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try site.append("\nbaseURL: https://example.gov.cn/zt/wdk/\n", to: "content/site.yaml")
        let feed = try text(SiteBuilder(root: site.root).build(), "feed.xml")
        #expect(feed.contains("<id>https://example.gov.cn/zt/wdk/changes/2021-09-30/index.html</id>"))
        #expect(feed.contains("<published>2021-09-30T00:00:00+08:00</published>"))
    }

    @Test func aSnapshotOfInvalidDataIsRefusedWithPositionedErrors() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let url = site.root.appendingPathComponent("content/data/villages.csv")
        let csv = try String(contentsOf: url, encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "76.8,100,2021-06-25", with: "76.8,一百,2021-06-25").utf8).write(to: url)
        let outcome = SiteBuilder(root: site.root).recordSnapshot(date: "2021-12-31", note: nil, replace: false)
        #expect(outcome.written.isEmpty)
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.location?.path == "content/data/villages.csv" && $0.location?.line == 2 })
        #expect(outcome.diagnostics.last?.message.id == "snapshot-invalid-data")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/snapshots/2021-12-31").path))
    }

    @Test func anExistingDateIsRefusedUnlessReplaced() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let builder = SiteBuilder(root: site.root)
        #expect(builder.recordSnapshot(date: "2021-09-30", note: nil, replace: false).diagnostics.map(\.message.id) == ["snapshot-date-exists"])
        #expect(builder.recordSnapshot(date: "2021-07-01", note: nil, replace: false).diagnostics.map(\.message.id) == ["snapshot-date-earlier"])
        let replaced = builder.recordSnapshot(date: "2021-09-30", note: "重记", replace: true)
        #expect(!replaced.diagnostics.contains { $0.severity == .error })
        let note = try String(contentsOf: site.root.appendingPathComponent("content/snapshots/2021-09-30/snapshot.yaml"), encoding: .utf8)
        #expect(note.contains(#"note: "重记""#))
    }

    @Test func aCorruptSnapshotOrPersonalDataInOneIsAPositionedError() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let path = "content/snapshots/2021-06-30/villages.csv"
        let url = site.root.appendingPathComponent(path)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "样例村02", with: "联系人13812345678")
        lines[3] = "\"unterminated"
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        let errors = result.diagnostics.items.filter { $0.severity == .error && $0.location?.path == path }
        #expect(errors.contains { $0.location?.line == 3 && $0.message.id.contains("personal") })
        #expect(errors.contains { $0.location?.line == 4 })
    }

    @Test func aFolderThatIsNotADateIsAnError() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try site.write("note: x\n", to: "content/snapshots/latest/snapshot.yaml")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.diagnostics.items.contains { $0.message.id == "snapshot-folder-name" && $0.location?.path == "content/snapshots/latest" })
    }

    /// A new snapshot re-renders the changes pages and the record pages whose history it
    /// changes, nothing else; an edit then re-renders its record; each incremental build
    /// equals a clean one byte for byte.
    @Test func aNewSnapshotRendersOnlyTheAffectedPagesAndMatchesACleanBuild() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        let before = try snapshot(site.root.appendingPathComponent("public"))
        #expect(!SiteBuilder(root: site.root).recordSnapshot(date: "2021-12-31", note: nil, replace: false).diagnostics.contains { $0.severity == .error })
        let afterSnapshot = try build(site)
        let rendered = Set(afterSnapshot.files.keys).filter { $0.hasSuffix(".html") && !$0.hasPrefix("changes/") && $0 != "data/index.html" }
        #expect(!rendered.isEmpty)
        // The record pages whose history changed, and the page whose trend reads the snapshots.
        #expect(rendered.contains("rural-remediation/index.html"))
        #expect(rendered.allSatisfy { $0.hasPrefix("rural-remediation/villages/") || $0 == "rural-remediation/index.html" })
        #expect(afterSnapshot.renderedPageCount == rendered.count)
        // Only pages whose bytes change are rendered.
        #expect(rendered.allSatisfy { afterSnapshot.files[$0] != before[$0] })
        #expect(try snapshot(site.root.appendingPathComponent("public")) == SiteBuilder(root: site.root).build().files)

        let url = site.root.appendingPathComponent("content/data/villages.csv")
        let csv = try String(contentsOf: url, encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "样例村05,通川区,示例二镇,未开工,未开工", with: "样例村05,通川区,示例二镇,在建,未开工").utf8).write(to: url)
        let afterEdit = try build(site)
        let pages = Set(afterEdit.files.keys).filter { $0.hasSuffix(".html") && !$0.hasPrefix("changes/") && $0 != "data/index.html" }
        #expect(pages == ["rural-remediation/villages/511702002002/index.html", "rural-remediation/index.html"])
        #expect(try text(afterEdit, "changes/index.html").contains("样例村05"))
        #expect(try snapshot(site.root.appendingPathComponent("public")) == SiteBuilder(root: site.root).build().files)
    }
}

/// Navigation entries to generated pages (`path:`).
@Suite struct GeneratedNavigationTests {
    @Test func aPathEntryLinksRelativelyAndAnUnknownOneIsAnError() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        let record = String(decoding: try #require(result.files["rural-remediation/villages/511702001001/index.html"]), as: UTF8.self)
        #expect(record.contains(#"<a href="../../../changes/index.html">本期变化</a>"#))
        let changes = String(decoding: try #require(result.files["changes/index.html"]), as: UTF8.self)
        #expect(changes.contains(#"aria-current="page""#))
        let url = site.root.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "path: changes/index.html", with: "path: changes/nothing.html").utf8).write(to: url)
        let broken = SiteBuilder(root: site.root).build()
        #expect(broken.diagnostics.items.contains { $0.message.id == "unknown-navigation-output" && $0.location?.path == "content/site.yaml" })
    }
}

/// Personal data in snapshots follows the site's policy for the dataset.
@Suite struct SnapshotPrivacyTests {
    @Test func aFileAllowedInTheDataIsAllowedInItsSnapshots() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        for path in ["content/data/villages.csv", "content/snapshots/2021-06-30/villages.csv"] {
            let url = site.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: ",样例村02,", with: ",样例村02（13812345678）,").utf8).write(to: url)
        }
        let refused = SiteBuilder(root: site.root).build()
        #expect(refused.diagnostics.items.contains { $0.severity == .error && $0.location?.path == "content/snapshots/2021-06-30/villages.csv" })
        try site.append("\npersonalData:\n  allow:\n    - file: content/data/villages.csv\n      reason: 测试\n", to: "content/site.yaml")
        let allowed = SiteBuilder(root: site.root).build()
        #expect(!allowed.diagnostics.items.contains { $0.severity == .error && $0.location?.path.hasPrefix("content/snapshots") == true })
    }
}
