import Foundation
import Testing

@testable import QingshanKit

/// Incremental builds: which pages a change re-renders, and that any sequence of edits
/// built incrementally gives the same bytes as a clean build.
@Suite struct IncrementalBuildTests {
    /// Builds `site` incrementally into its `public/` folder and returns the result.
    @discardableResult
    private func build(_ site: TemporarySite) throws -> BuildResult {
        let output = site.root.appendingPathComponent("public")
        let result = SiteBuilder.incremental(root: site.root, output: output).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        _ = try OutputWriter(root: site.root, output: output).write(result)
        return result
    }

    private func replace(_ old: String, with new: String, in path: String, of site: TemporarySite) throws {
        let url = site.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(path) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test func noOpRebuildRendersNothing() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let first = try build(site)
        #expect(first.renderedPageCount == 73)
        let second = try build(site)
        #expect(second.renderedPageCount == 0)
        #expect(second.keptFiles.count == 73)
    }

    @Test func editingOneVillageRendersItsPageAndThePagesThatAggregateVillages() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try replace(
            "511702001001,样例村01,通川区,示例一镇,已完工,已验收,已完工,已验收,已完工,已完工,76.8,",
            with: "511702001001,样例村01,通川区,示例一镇,已完工,已验收,已完工,已验收,已完工,已完工,80.0,",
            in: "content/data/villages.csv", of: site)
        let result = try build(site)
        let pages = Set(result.files.keys).filter { $0.hasSuffix(".html") }
        // The downloads catalogue and the 本期变化 pages are made on every build (they show
        // each file's size, every dataset and snapshot); the writer rewrites them only when
        // their bytes change.
        #expect(
            pages == [
                "rural-remediation/villages/511702001001/index.html", "rural-remediation/index.html", "data/index.html", "changes/index.html",
                "changes/2021-09-30/index.html",
            ])
        #expect(result.renderedPageCount == 2)
    }

    /// The downloads are made again only when a dataset or `site.yaml` changed; either
    /// way the output is a clean build's.
    @Test func openDataFilesAreReusedUntilTheirDataChanges() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let first = try build(site)
        let made = try #require(first.cache?.openData)
        try site.append("\n更多正文。\n", to: "content/pages/about.md")
        let edit = try build(site)
        #expect(edit.cache?.openData?.key == made.key)
        #expect(try snapshot(output) == SiteBuilder(root: site.root).build().files)
        try replace(",76.8,", with: ",80.0,", in: "content/data/villages.csv", of: site)
        let dataEdit = try build(site)
        #expect(dataEdit.cache?.openData?.key != made.key)
        #expect(try snapshot(output) == SiteBuilder(root: site.root).build().files)
    }

    @Test func editingOneLayoutRendersOnlyThePagesThatUseIt() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try site.append("<!-- changed -->\n", to: "site-templates/default/layouts/record.mustache")
        #expect(try build(site).renderedPageCount == 49)
        try site.append("<!-- changed -->\n", to: "site-templates/default/partials/footer.mustache")
        #expect(try build(site).renderedPageCount == 73)
    }

    @Test func editingSiteConfigurationRendersEverything() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try site.append("\n# a comment\n", to: "content/site.yaml")
        #expect(try build(site).renderedPageCount == 73)
    }

    @Test func aCorruptCacheFallsBackToAFullBuild() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try Data("QINGSHAN-CACHE garbage".utf8).write(to: BuildCache.url(root: site.root))
        #expect(try build(site).renderedPageCount == 73)
        #expect(try build(site).renderedPageCount == 0)
    }

    /// A build with nothing to do decodes only the cache's stamps; one with work decodes
    /// the rest, and a rest that turns out damaged means a full build, never a wrong one.
    @Test func aCacheDamagedAfterItsStampsFallsBackToAFullBuildWhenThereIsWork() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        let url = BuildCache.url(root: site.root)
        let data = try Data(contentsOf: url)
        #expect(BuildCache.decode(data, stampsOnly: true)?.unreadData == true)
        try data.dropLast(16).write(to: url)
        #expect(BuildCache.decode(try Data(contentsOf: url)) == nil)
        #expect(try build(site).isUnchanged)
        try replace("title:", with: "title: ", in: "content/pages/about.md", of: site)
        #expect(try build(site).renderedPageCount == 73)
        #expect(try build(site).renderedPageCount == 0)
    }

    @Test func aPageFileChangedInTheOutputIsRenderedAgain() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try Data("tampered".utf8).write(to: site.root.appendingPathComponent("public/goals/index.html"))
        let result = try build(site)
        #expect(result.renderedPageCount == 1)
        #expect(result.files["goals/index.html"] != nil)
    }

    @Test func aDeletedAssetIsWrittenAgainEvenWhenNoSourceChanged() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        let style = site.root.appendingPathComponent("public/assets/style.css")
        try FileManager.default.removeItem(at: style)
        let result = try build(site)
        #expect(result.renderedPageCount == 0)
        #expect(FileManager.default.fileExists(atPath: style.path))
    }

    @Test func nothingChangedReadsOnlyStamps() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        let result = try build(site)
        #expect(result.isUnchanged)
        #expect(result.files.isEmpty)
        #expect(result.sourceChanges == "no source changed")
    }

    /// Personal data is looked for once per page text and dataset (`ParsedPage`,
    /// `BuildCache.datasetFindings`), but the policy applies on every build: changing only
    /// `site.yaml` reports the same errors as a clean build.
    @Test func personalDataFoundInEarlierBuildsIsStillReported() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let allowances = """

            personalData:
              allow:
                - file: content/pages/about.md
                  reason: 经本人同意公开
                - column: people.contact
                  reason: 村级公示联系人

            """
        try site.append(allowances, to: "content/site.yaml")
        try site.append("\n联系电话 13812345678。\n", to: "content/pages/about.md")
        try site.write("name,contact\n张三,13912345678\n李四,0818-2160133\n", to: "content/data/people.csv")
        try build(site)
        try build(site)

        let config = site.root.appendingPathComponent("content/site.yaml")
        let allowing = try String(contentsOf: config, encoding: .utf8)
        for removed in ["    - file: content/pages/about.md\n      reason: 经本人同意公开\n", "    - column: people.contact\n      reason: 村级公示联系人\n"] {
            try #require(allowing.contains(removed))
            try Data(allowing.replacingOccurrences(of: removed, with: "").utf8).write(to: config)
            let output = site.root.appendingPathComponent("public")
            let incremental = SiteBuilder.incremental(root: site.root, output: output).build()
            let clean = SiteBuilder(root: site.root).build()
            #expect(!incremental.succeeded)
            #expect(incremental.diagnostics.items.contains { $0.message.id.hasPrefix("personal") })
            #expect(incremental.diagnostics.sorted == clean.diagnostics.sorted)
            try Data(allowing.utf8).write(to: config)
            try build(site)
        }
    }

    /// Sets the modification time of every source file an hour back, as for a site not
    /// edited just now: page files whose stamps did not change are then not read again.
    private func backdate(_ site: TemporarySite) throws {
        let past = Date().addingTimeInterval(-3600)
        for folder in ["content", "site-templates"] {
            let base = site.root.appendingPathComponent(folder)
            for path in SourceFile.list(in: base) {
                try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: base.appendingPathComponent(path).path)
            }
        }
    }

    @Test func unchangedPagesAreNotReadUntilRendered() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try backdate(site)
        try build(site)
        try site.append("\n更多正文。\n", to: "content/pages/news/first.md")
        let edit = try build(site)
        #expect(edit.renderedPageCount >= 1)
        #expect(edit.timings.contains { $0.phase.hasPrefix("read ") && $0.phase.hasSuffix("unchanged pages") } == false)
        // A page kept from before but changed in the output is rendered from its file.
        try Data("tampered".utf8).write(to: site.root.appendingPathComponent("public/about/index.html"))
        let repair = try build(site)
        #expect(repair.renderedPageCount == 1)
        #expect(repair.timings.contains { $0.phase == "read 1 unchanged pages" })
        #expect(try snapshot(site.root.appendingPathComponent("public")) == SiteBuilder(root: site.root).build().files)
    }

    /// A file whose text changed while its stamp did not (a second save in the same clock
    /// tick) is noticed when it is read for rendering: the build starts again reading all.
    @Test func aChangedTextBehindAnUnchangedStampFallsBackToReadingEverything() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try backdate(site)
        try build(site)
        let about = site.root.appendingPathComponent("content/pages/about.md")
        let attributes = try FileManager.default.attributesOfItem(atPath: about.path)
        let text = try String(contentsOf: about, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "正文", with: "全文").utf8).write(to: about)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: about.path)
        try Data("tampered".utf8).write(to: site.root.appendingPathComponent("public/about/index.html"))
        try build(site)
        #expect(try snapshot(site.root.appendingPathComponent("public")) == SiteBuilder(root: site.root).build().files)
    }

    /// The search index of a rebuild is patched from the last one when no page is added
    /// or removed, and is byte for byte a clean build's: a page's text edited so that
    /// tokens are added (some new to the site) and removed (some gone from it).
    @Test func anEditedPagesSearchIndexIsACleanBuilds() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let index = site.root.appendingPathComponent("public/search-index.js")
        try site.append("\n独一无二的词 Quokka。\n", to: "content/pages/about.md")
        try build(site)
        try replace("独一无二的词 Quokka", with: "别具一格 Wombat", in: "content/pages/about.md", of: site)
        try replace("重复的标题", with: "不同的标题", in: "content/pages/about.md", of: site)
        let edited = try build(site)
        #expect(edited.renderedPageCount == 1)
        let tokens = try #require(edited.cache?.searchTokens)
        // Patched: the new tokens were numbered after the old ones, not all in byte order again.
        #expect(tokens.table.count > tokens.sortedCount)
        let clean = SiteBuilder(root: site.root).build()
        try #require(clean.succeeded)
        #expect(try Data(contentsOf: index) == clean.files["search-index.js"])
        let object = try SearchIndexTests.object(of: String(decoding: try Data(contentsOf: index), as: UTF8.self))
        #expect(try !SearchIndexTests.postings("wombat", in: object).isEmpty)
        let groups = try #require(object["tokens"] as? [String: [String: String]])
        #expect(groups["q"]?["uokka"] == nil)
    }

    /// Adding or removing a page renumbers the documents: the index is made whole again,
    /// still a clean build's.
    @Test func addingAndRemovingAPageGivesACleanBuildsSearchIndex() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let index = site.root.appendingPathComponent("public/search-index.js")
        try build(site)
        try site.write("---\ntitle: 新页面\ndate: 2021-05-01\n---\n新内容 Numbat。\n", to: "content/pages/news/third.md")
        var result = try build(site)
        #expect(result.cache?.searchTokens.table.count == result.cache?.searchTokens.sortedCount)
        #expect(try Data(contentsOf: index) == SiteBuilder(root: site.root).build().files["search-index.js"])
        try site.append("\n更多正文 Bilby。\n", to: "content/pages/about.md")
        try build(site)
        #expect(try Data(contentsOf: index) == SiteBuilder(root: site.root).build().files["search-index.js"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/news/third.md"))
        result = try build(site)
        #expect(try Data(contentsOf: index) == SiteBuilder(root: site.root).build().files["search-index.js"])
        let groups = try #require(try SearchIndexTests.object(of: String(decoding: try Data(contentsOf: index), as: UTF8.self))["tokens"] as? [String: [String: String]])
        #expect(groups["n"]?["umbat"] == nil)
    }

    /// Any sequence of edits, built incrementally, equals a clean build byte for byte;
    /// also when the files not edited are old enough to be trusted by their stamps.
    @Test(arguments: [1, 2, 3], [false, true])
    func randomEditsMatchACleanBuild(seed: UInt64, backdated: Bool) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        var random = SeededRandom(seed: seed)
        if backdated { try backdate(site) }
        try build(site)
        let edits: [(TemporarySite) throws -> Void] = [
            { try $0.append("\n更多正文。\n", to: "content/pages/about.md") },
            { try $0.append("\n见[关于](../about.md)。\n", to: "content/pages/news/first.md") },
            { try $0.write("---\ntitle: 新页面\ndate: 2021-05-01\n---\n新内容。\n", to: "content/pages/news/third.md") },
            { try? FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/pages/news/third.md")) },
            { try $0.append("<!-- x -->\n", to: "site-templates/plain/layouts/page.mustache") },
            { try $0.append("<!-- y -->\n", to: "site-templates/plain/partials/foot.mustache") },
            { site in
                let url = site.root.appendingPathComponent("content/site.yaml")
                var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
                lines[0] = "title: 测试站点\(UUID().uuidString.prefix(4))"
                try Data(lines.joined(separator: "\n").utf8).write(to: url)
            },
            { try $0.write("changed \(UUID())\n", to: "content/static/files/a.txt") },
            { try $0.write("---\ntitle: 第二条（改）\ndate: 2020-09-04\nslug: tongbo\n---\n铜钵河。\n", to: "content/pages/news/second.md") },
        ]
        for _ in 0..<8 {
            try edits[Int(random.next() % UInt64(edits.count))](site)
            if backdated, random.next() % 2 == 0 { try backdate(site) }
            let incremental = try build(site)
            let clean = SiteBuilder(root: site.root).build()
            try #require(clean.succeeded)
            #expect(try snapshot(site.root.appendingPathComponent("public")) == clean.files)
            // A build that found nothing changed reports only the pages' warnings.
            if !incremental.isUnchanged {
                #expect(incremental.diagnostics.sorted == clean.diagnostics.sorted)
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing edit sequence can be replayed.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
