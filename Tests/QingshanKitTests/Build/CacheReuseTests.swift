import Foundation
import Testing

@testable import QingshanKit

/// Saving a build cache copies the records that did not change from the file read; the
/// deploy manifest copies the lines of files that did not change. Either must give the
/// bytes a whole encoding gives, and a damaged cache must mean a full build.
@Suite struct CacheReuseTests {
    @discardableResult
    private func build(_ site: TemporarySite) throws -> (result: BuildResult, summary: WriteSummary, cache: BuildCache?) {
        let output = site.root.appendingPathComponent("public")
        let result = SiteBuilder.incremental(root: site.root, output: output).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        let written = try OutputWriter(root: site.root, output: output).write(result, savingCache: true)
        return (result, written.summary, written.cache)
    }

    private func cacheBytes(_ site: TemporarySite) throws -> [UInt8] {
        try #require(FileBytes.read(atPath: BuildCache.url(root: site.root).path))
    }

    /// Edits that change a few records, add one and remove one.
    private static let edits: [(String, @Sendable (TemporarySite) throws -> Void)] = [
        ("one page", { try $0.append("\n再加一段。\n", to: "content/pages/about.md") }),
        ("a new page", { try $0.write("---\ntitle: 新页面\n---\n\n新页面的正文。\n", to: "content/pages/news/new-page.md") }),
        ("a page removed", { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("content/pages/news/new-page.md")) }),
        ("one page again", { try $0.append("\n又一段。\n", to: "content/pages/about.md") }),
    ]

    @Test func aCacheSavedByCopyingRecordsIsTheCacheEncodedWhole() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        for (name, edit) in Self.edits {
            try edit(site)
            let (_, _, recorded) = try build(site)
            let saved = try cacheBytes(site)
            let read = try #require(BuildCache.decode(bytes: saved), "\(name)")
            #expect(read.readFrom != nil)
            var whole = read
            whole.readFrom = nil
            #expect(whole.encodedBytes() == saved, "\(name): the file differs from the cache it decodes to, encoded whole")
            // The cache kept in memory (serve) saves the same bytes either way.
            var recordedWhole = try #require(recorded)
            #expect(recordedWhole.readFrom != nil)
            let copied = recordedWhole.encodedBytes()
            recordedWhole.readFrom = nil
            #expect(copied == recordedWhole.encodedBytes(), "\(name)")
            #expect(copied == saved, "\(name)")
        }
    }

    @Test("a cache read for a no-op (search entries skipped) completes to the cache read whole")
    func aStampsOnlyReadCompletesToTheWholeCache() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        let bytes = try cacheBytes(site)
        let whole = try #require(BuildCache.decode(bytes: bytes))
        let stamps = try #require(BuildCache.decode(bytes: bytes, stampsOnly: true))
        #expect(whole.entries.values.contains { $0.search != nil })
        #expect(stamps.entries.values.allSatisfy { $0.search == nil })
        #expect(stamps.entries.mapValues(\.stamp) == whole.entries.mapValues(\.stamp))
        var completed = try #require(stamps.completed())
        #expect(completed.entries == whole.entries)
        // Saved again, it is the file it was read from.
        #expect(completed.encodedBytes() == bytes)
        completed.readFrom = nil
        #expect(completed.encodedBytes() == bytes)
    }

    @Test func theChangedSourcesAreNamedChangedAddedOrRemoved() {
        let old = ["a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6]
        #expect(BuildCache.describeChanges(from: old, to: old) == "no source changed")
        #expect(BuildCache.describeChanges(from: old, to: old.merging(["b": 9]) { $1 }) == "changed b")
        var new = old.merging(["f": 0, "e": 0, "d": 0, "c": 0, "z": 1, "y": 1]) { $1 }
        new["a"] = nil
        #expect(BuildCache.describeChanges(from: old, to: new) == "changed c, d, e and 1 more; added y, z; removed a")
        // As many sources as before, one renamed: the removed one is still named.
        #expect(BuildCache.describeChanges(from: ["a": 1], to: ["b": 1]) == "added b; removed a")
    }

    @Test(arguments: BuildCache.Section.allCases)
    func aDamagedSectionMeansAFullBuild(_ section: BuildCache.Section) throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        try site.append("\n再加一段。\n", to: "content/pages/about.md")
        try build(site)
        var bytes = try cacheBytes(site)
        let layout = try #require(BuildCache.Layout(bytes))
        let range = layout[section]
        try #require(!range.isEmpty)
        bytes[range.lowerBound + range.count / 2] ^= 0x01
        try Data(bytes).write(to: BuildCache.url(root: site.root))
        #expect(BuildCache.decode(bytes: bytes) == nil)
        try site.append("\n又一段。\n", to: "content/pages/about.md")
        #expect(try build(site).result.renderedPageCount == 73)
        #expect(try build(site).result.renderedPageCount == 0)
    }

    @Test func aCacheOfTheLastFormatMeansAFullBuild() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        var writer = BinaryWriter()
        writer.write(BuildCache.magic)
        writer.write(BuildCache.formatVersion - 1)
        try Data(writer.written + (try cacheBytes(site)).dropFirst(writer.count)).write(to: BuildCache.url(root: site.root))
        #expect(try build(site).result.renderedPageCount == 73)
    }

    @Test func theManifestIsTheOneComputedFromScratch() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try build(site)
        var before = try DeployManifest(files: outputFiles(site))
        let deleteOutput: (String, @Sendable (TemporarySite) throws -> Void) = (
            "an output deleted", { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("public/about/index.html")) }
        )
        for (name, edit) in Self.edits + [deleteOutput] {
            try edit(site)
            let summary = try build(site).summary
            let now = try DeployManifest(files: outputFiles(site))
            let written = try Data(contentsOf: site.root.appendingPathComponent(".qingshan/manifest.json"))
            #expect(written == now.encoded(), "\(name)")
            #expect(summary.deploy == now.diff(from: before), "\(name)")
            before = now
        }
    }

    /// A manifest whose lines cannot be copied (an escaped path) is decoded and encoded
    /// whole, as before; one that can is updated line by line: both as from scratch.
    @Test func theWriterUpdatesAnyManifestAsFromScratch() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(root: root, output: root.appendingPathComponent("public"))
        var files: [String: Data] = ["index.html": Data("首页".utf8), "a/b.html": Data("b".utf8), "数据/\"引号\".csv": Data("x".utf8)]
        var before: DeployManifest?
        for step in 0..<4 {
            if step == 1 { files["a/b.html"] = Data("bb".utf8) }
            if step == 2 { files["数据/\"引号\".csv"] = nil }
            if step == 3 { files["c.html"] = Data("c".utf8) }
            let summary = try writer.write(files: files, kept: [])
            let now = DeployManifest(files: files)
            #expect(try Data(contentsOf: root.appendingPathComponent(".qingshan/manifest.json")) == now.encoded(), "step \(step)")
            #expect(summary.deploy == now.diff(from: before), "step \(step)")
            before = now
        }
    }

    private func outputFiles(_ site: TemporarySite) throws -> [String: Data] {
        let output = site.root.appendingPathComponent("public")
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
