import Foundation
import Testing

@testable import QingshanKit

@Suite struct SiteBuilderTests {
    @Test func basicSiteMatchesGolden() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        #expect(result.diagnostics.items.map(\.message) == [.publishWithoutBaseURL])
        #expect(result.diagnostics.errorCount + result.diagnostics.warningCount == 0)
        try Golden.expect(site: result.files, matches: "sites/basic")
    }

    @Test func draftsAreLeftOutAndSlugsNameTheFolder() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let files = SiteBuilder(root: site.root).build().files
        #expect(files["news/tongbo/index.html"] != nil)
        #expect(files["news/second/index.html"] == nil)
        #expect(files["news/draft/index.html"] == nil)
    }

    @Test func everyInternalLinkIsRelativeAndEndsInAFile() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let files = SiteBuilder(root: site.root).build().files
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "\(path) has a root-relative link")
            #expect(!html.contains("src=\"/"), "\(path) has a root-relative source")
            #expect(!html.contains("href=\"http"), "\(path) links to another host")
            for link in html.components(separatedBy: "href=\"").dropFirst().map({ $0.prefix { $0 != "\"" } }) where !link.hasPrefix("#") {
                let file = link.split(separator: "#").first.map(String.init) ?? ""
                #expect(!file.hasSuffix("/"), "\(path) links to folder \(link)")
                let target = SitePaths.resolve(file, inFolder: (path as NSString).deletingLastPathComponent)
                #expect(target.flatMap { files[$0] } != nil, "\(path) links to missing \(link)")
            }
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let first = SiteBuilder(root: site.root).build().files
        let second = SiteBuilder(root: site.root).build().files
        #expect(first == second)
    }

    struct InvalidCase: Sendable, CustomStringConvertible {
        var description: String
        var file: String
        var text: String
        var append: Bool
        var messageID: String
        var location: String
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(
            description: "broken page link", file: "content/pages/about.md", text: "\n见[不存在](missing.md)。\n", append: true,
            messageID: "broken-link", location: "content/pages/about.md:20:4"),
        InvalidCase(
            description: "broken site link", file: "content/pages/news/first.md", text: "\n[x](/nowhere/)\n", append: true,
            messageID: "broken-link", location: "content/pages/news/first.md:10:1"),
        InvalidCase(
            description: "YAML error in front matter", file: "content/pages/about.md",
            text: "---\ntitle: 关于\ndate: [2021\n---\n正文\n", append: false, messageID: "yaml-syntax", location: "content/pages/about.md:4:1"),
        InvalidCase(
            description: "front matter not closed", file: "content/pages/about.md",
            text: "---\ntitle: 关于\n\n正文\n", append: false, messageID: "front-matter-not-closed", location: "content/pages/about.md:1:1"),
        InvalidCase(
            description: "bad date", file: "content/pages/about.md",
            text: "---\ntitle: 关于\ndate: 2021/3/5\n---\n", append: false, messageID: "invalid-date", location: "content/pages/about.md:3:7"),
        InvalidCase(
            description: "missing title", file: "content/pages/about.md",
            text: "---\ndate: 2021-03-05\n---\n", append: false, messageID: "missing-key", location: "content/pages/about.md:2:1"),
        InvalidCase(
            description: "slug that climbs", file: "content/pages/about.md",
            text: "---\ntitle: 关于\nslug: ../../etc\n---\n", append: false, messageID: "invalid-slug", location: "content/pages/about.md:3:7"),
        InvalidCase(
            description: "unknown layout", file: "content/pages/about.md",
            text: "---\ntitle: 关于\nlayout: gallery\n---\n", append: false, messageID: "unknown-layout", location: "content/pages/about.md:3:9"),
        InvalidCase(
            description: "missing partial", file: "site-templates/plain/layouts/page.mustache",
            text: "\n  {{> sidebar}}\n", append: true, messageID: "missing-partial", location: "site-templates/plain/layouts/page.mustache:11:3"),
        InvalidCase(
            description: "template syntax", file: "site-templates/plain/layouts/section.mustache",
            text: "{{#page.children}}\n", append: true, messageID: "template-syntax", location: "site-templates/plain/layouts/section.mustache"),
        InvalidCase(
            description: "output collision", file: "content/pages/news/clash.md",
            text: "---\ntitle: 撞车\nslug: first\n---\n", append: false, messageID: "output-collision", location: "content/pages/news/first.md:1:1"),
        InvalidCase(
            description: "invalid UTF-8", file: "content/pages/news/first.md",
            text: "---\ntitle: 第一条\n---\nab\u{FFFD}", append: false, messageID: "invalid-utf8", location: "content/pages/news/first.md:4:3"),
        InvalidCase(
            description: "ragged CSV row", file: "content/data/towns.csv",
            text: "id,name\n1,大竹\n2\n", append: false, messageID: "csv-ragged-row", location: "content/data/towns.csv:3:1"),
        InvalidCase(
            description: "outputs differing only by case", file: "content/pages/About.md",
            text: "---\ntitle: 大写\n---\n", append: false, messageID: "output-case-collision", location: "content/pages/about.md:1:1"),
        InvalidCase(
            description: "Windows-reserved name", file: "content/pages/con.md",
            text: "---\ntitle: 保留名\n---\n", append: false, messageID: "reserved-output-name", location: "content/pages/con.md:1:1"),
        InvalidCase(
            description: "navigation to a missing page", file: "content/site.yaml",
            text: "title: 测试站点\ntheme: plain\nnavigation:\n  - title: 无\n    page: nowhere.md\n", append: false,
            messageID: "unknown-navigation-target", location: "content/site.yaml:5:11"),
    ]

    @Test(arguments: invalidCases)
    func invalidSiteGivesPositionedError(_ testCase: InvalidCase) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        if testCase.description == "invalid UTF-8" {
            var bytes = Array(testCase.text.utf8.dropLast(3))
            bytes.append(0xFF)
            try Data(bytes).write(to: site.root.appendingPathComponent(testCase.file))
        } else if testCase.append {
            try site.append(testCase.text, to: testCase.file)
        } else {
            try site.write(testCase.text, to: testCase.file)
        }
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        #expect(result.files.isEmpty)
        let errors = result.diagnostics.items.filter { $0.severity == .error }
        let match = errors.first { $0.message.id == testCase.messageID }
        #expect(match?.location?.description.hasPrefix(testCase.location) == true, "got: \(errors.map(\.description))")
    }

    @Test func badDataIsReportedAtItsCellsAndLeavesTheOutputUntouched() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        _ = try OutputWriter(root: site.root, output: output).write(SiteBuilder(root: site.root).build())
        let before = try snapshot(output)
        try site.write("id,name,updated\n1,大竹,2021-04-01\n5.10E+11,开江,2021/4/1\n", to: "content/data/towns.csv")
        try site.write("fields:\n  - {name: id, type: string}\n  - {name: name}\n  - {name: updated, type: date}\n", to: "content/data/towns.schema.yaml")
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }.map { $0.location?.description ?? "" }
        // "5.10E+11," is 9 bytes and "开江," 7 more: the date starts at byte 17.
        #expect(errors == ["content/data/towns.csv:3:1", "content/data/towns.csv:3:17"])
        #expect(try snapshot(output) == before)
    }

    @Test func aSymlinkOutOfTheSiteIsRefused() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/static/files/leak.txt").path, withDestinationPath: "/etc/hostname")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.diagnostics.items.contains { $0.message == .symlinkLeavesSite && $0.location?.path == "content/static/files/leak.txt" })
        #expect(!result.succeeded)
    }

    @Test func sizeLimitsAreConfigurable() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("limits: {markdownBytes: 200}\n", to: "content/site.yaml")
        let result = SiteBuilder(root: site.root).build()
        let refused = result.diagnostics.items.filter { $0.message.id == "file-too-large" }.compactMap { $0.location?.path }
        #expect(refused == ["content/pages/about.md"])
    }

    @Test func aDeadAnchorIsTracedBackToItsMarkdown() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("\n见[不存在的小节](#不存在)。\n", to: "content/pages/news/first.md")
        var builder = SiteBuilder(root: site.root)
        builder.outputChecks = OutputCheckOptions()
        let result = builder.build()
        let finding = try #require(result.diagnostics.items.first { $0.message.id == "dead-anchor" })
        // At the Markdown, where it is fixed: "见[不存在的小节]" is 3 + 1 + 18 + 1 = 23
        // bytes, so the `(` of the destination is byte 24. The output position is a note.
        #expect(finding.location?.description == "content/pages/news/first.md:10:24")
        #expect(finding.notes.count == 1)
        #expect(finding.notes.first?.hasPrefix("found in the output at news/first/index.html:") == true)
    }

    @Test func allProblemsAreReportedInOneRun() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("\n[a](missing-one.md)\n", to: "content/pages/about.md")
        try site.append("\n[b](missing-two.md)\n", to: "content/pages/news/first.md")
        try site.write("---\ntitle: x\ndate: nope\n---\n", to: "content/pages/news/third.md")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.diagnostics.errorCount == 3)
        #expect(result.diagnostics.summary == "3 errors")
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let writer = OutputWriter(root: site.root, output: output)
        _ = try writer.write(SiteBuilder(root: site.root).build())
        let before = try snapshot(output)
        try site.append("\n[dead](gone.md)\n", to: "content/pages/about.md")
        let failed = SiteBuilder(root: site.root).build()
        #expect(!failed.succeeded)
        #expect(try snapshot(output) == before)
    }

    @Test func rewritesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let writer = OutputWriter(root: site.root, output: output)
        let first = try writer.write(SiteBuilder(root: site.root).build())
        #expect(first.added.count == 8)  // 5 pages, a stylesheet, a static file, the search index
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/news/second.md"))
        try site.append("\n更多。\n", to: "content/pages/news/first.md")
        let second = try writer.write(SiteBuilder(root: site.root).build())
        #expect(second.removed == ["news/tongbo/index.html"])
        #expect(Set(second.changed) == ["news/first/index.html", "news/index.html", "index.html", "search-index.js"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("news/tongbo").path))
    }

    @Test(arguments: ["content", "content/static", "site-templates/plain", ".", ".."])
    func outputOverlappingSourcesIsRefused(_ folder: String) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let writer = OutputWriter(root: site.root, output: site.root.appendingPathComponent(folder))
        #expect(writer.validateOutputFolder()?.message.id == "output-inside-source")
    }

    @Test func outputPathsNeverLeaveTheOutputFolder() {
        let writer = OutputWriter(root: URL(fileURLWithPath: "/tmp/site"), output: URL(fileURLWithPath: "/tmp/site/public"))
        #expect(writer.safeURL(for: "../escape.html") == nil)
        #expect(writer.safeURL(for: "/etc/passwd") == nil)
        #expect(writer.safeURL(for: "a//b.html") == nil)
        #expect(writer.safeURL(for: "a/b/index.html")?.path == "/tmp/site/public/a/b/index.html")
    }
}
