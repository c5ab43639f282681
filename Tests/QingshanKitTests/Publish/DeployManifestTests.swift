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
}
