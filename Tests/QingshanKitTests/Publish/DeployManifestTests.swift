import Foundation
import Testing

@testable import QingshanKit

@Suite struct DeployManifestTests {
    static let site: [String: Data] = [
        "index.html": Data("<h1>首页</h1>".utf8),
        "updates/index.html": Data("<h1>工作动态</h1>".utf8),
        "assets/style.css": Data("body{}".utf8),
        "abc.txt": Data("abc".utf8),
        "数据/\"引号\".csv": Data(),
    ]

    @Test func entriesAreSortedWithSizeAndHash() throws {
        let manifest = DeployManifest(files: Self.site)
        #expect(manifest.files.map(\.path) == ["abc.txt", "assets/style.css", "index.html", "updates/index.html", "数据/\"引号\".csv"])
        let abc = try #require(manifest.files.first)
        #expect(abc.size == 3)
        #expect(abc.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(manifest.files.last?.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func encodingIsStableAndRoundTrips() throws {
        let encoded = DeployManifest(files: Self.site).encoded()
        #expect(encoded == DeployManifest(files: Self.site).encoded())
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"files\": [\n    {\"path\": \"abc.txt\", \"size\": 3, \"sha256\": \"ba7816bf"))
        #expect(text.contains(#"{"path": "数据/\"引号\".csv", "size": 0, "#))
        #expect(text.hasSuffix("\n  ]\n}\n"))
        let decoded = try DeployManifest(decoding: encoded)
        #expect(decoded == DeployManifest(files: Self.site))
        // Foundation's own parser agrees it is JSON.
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect((object["files"] as? [Any])?.count == 5)
        #expect(try DeployManifest(decoding: DeployManifest(files: [:]).encoded()).files.isEmpty)
    }

    @Test func diffNamesAddedChangedAndRemovedFiles() {
        let before = DeployManifest(files: Self.site)
        var site = Self.site
        site["updates/index.html"] = Data("<h1>工作动态（更新）</h1>".utf8)
        site["updates/new/index.html"] = Data("<h1>新</h1>".utf8)
        site["abc.txt"] = nil
        let changes = DeployManifest(files: site).diff(from: before)
        #expect(changes.added == ["updates/new/index.html"])
        #expect(changes.changed == ["updates/index.html"])
        #expect(changes.removed == ["abc.txt"])
        #expect(changes.summary == "1 added, 1 changed, 1 removed")
        #expect(DeployManifest(files: site).diff(from: DeployManifest(files: site)).isEmpty)
        #expect(DeployManifest(files: site).diff(from: nil).added.count == site.count)
    }

    @Test func sameSizeDifferentBytesIsAChange() {
        let changes = DeployManifest(files: ["a.txt": Data("abc".utf8)]).diff(from: DeployManifest(files: ["a.txt": Data("abd".utf8)]))
        #expect(changes.changed == ["a.txt"])
    }

    static let plainSite = site.filter { !$0.key.contains("\"") }

    @Test func linesReadWhatEncodingWritesAndCopyItBack() throws {
        for files in [Self.plainSite, [:]] {
            let encoded = DeployManifest(files: files).encoded()
            let lines = try #require(DeployManifest.Lines([UInt8](encoded)))
            #expect(lines.paths == files.keys.sorted())
            let kept = lines.paths.indices.map { (path: lines.paths[$0], line: DeployManifest.Line.kept($0)) }
            #expect(DeployManifest.encode(kept, previous: lines) == encoded)
            #expect(DeployManifest.changes(kept, previous: lines).isEmpty)
        }
    }

    @Test func newLinesEncodeAndCompareAsWholeManifests() throws {
        let before = DeployManifest(files: Self.plainSite)
        let lines = try #require(DeployManifest.Lines([UInt8](before.encoded())))
        var site = Self.plainSite
        site["index.html"] = Data("<h1>新首页</h1>".utf8)
        site["new.html"] = Data()
        site["abc.txt"] = nil
        let now = DeployManifest(files: site)
        let update = now.files.map { entry in
            let index = lines.index(of: entry.path)
            let same = index.map { lines.matches($0, entry) } ?? false
            return (path: entry.path, line: same ? DeployManifest.Line.kept(index!) : .new(entry))
        }
        #expect(DeployManifest.encode(update, previous: lines) == now.encoded())
        #expect(DeployManifest.changes(update, previous: lines) == now.diff(from: before))
    }

    /// Only lines that encoding would write as they are can be copied.
    @Test(arguments: [
        "数据/\"引号\".csv",  // a quote, escaped
        "\u{2028}.txt",  // encoded as an escape
    ])
    func linesAreNotReadWhenEncodingWouldWriteOtherBytes(_ path: String) throws {
        let encoded = DeployManifest(files: [path: Data("x".utf8)]).encoded()
        #expect(DeployManifest.Lines([UInt8](encoded)) == nil)
    }

    @Test func linesAreNotReadFromAnotherLayout() throws {
        let encoded = String(decoding: DeployManifest(files: Self.plainSite).encoded(), as: UTF8.self)
        for changed in [
            encoded.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2"),
            encoded.replacingOccurrences(of: "\"size\": 3,", with: "\"size\": 03,"),
            encoded.replacingOccurrences(of: "abc.txt", with: "zzz.txt"),  // no longer ascending
            encoded + "\n",
        ] {
            #expect(DeployManifest.Lines(Array(changed.utf8)) == nil)
            #expect(try DeployManifest(decoding: Data(changed.utf8)).files.count == Self.plainSite.count)
        }
    }
}
