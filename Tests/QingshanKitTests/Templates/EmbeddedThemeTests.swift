import Foundation
import Testing

@testable import QingshanKit

/// The theme inside the binary is `site-templates/default`, byte for byte: after editing
/// the folder, run `scripts/embed-theme`.
@Suite struct EmbeddedThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site-templates/default")

    @Test func embeddedCopyEqualsTheFolder() throws {
        var onDisk: [String: String] = [:]
        for kind in ["layouts", "partials", "assets"] {
            let base = Self.folder.appendingPathComponent(kind)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
                let relative = kind + "/" + url.path.dropFirst(base.path.count + 1)
                onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        #expect(onDisk.count > 20)
        #expect(Set(EmbeddedTheme.files.keys) == Set(onDisk.keys), "run scripts/embed-theme")
        for (path, text) in onDisk {
            #expect(EmbeddedTheme.files[path] == text, "\(path) differs from the embedded copy: run scripts/embed-theme")
        }
    }

    @Test func aSiteWithoutSiteTemplatesUsesTheEmbeddedTheme() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("site-templates"))
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.items.map(\.description))")
        #expect(result.files["assets/style.css"] == EmbeddedTheme.files["assets/style.css"].map { Data($0.utf8) })
        #expect(result.files["index.html"] != nil)
    }

    @Test func aSitesOwnThemeFolderWins() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try site.write("body { color: red }\n", to: "site-templates/default/assets/style.css")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.files["assets/style.css"] == Data("body { color: red }\n".utf8))
    }
}
