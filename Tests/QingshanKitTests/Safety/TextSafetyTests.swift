import Foundation
import Testing

@testable import QingshanKit

@Suite struct TextSafetyTests {
    @Test(arguments: ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"])
    func everyBidiControlIsAnError(_ control: String) throws {
        let found = TextSafety.scan("第一行\n金额 1\(control)00 万元".utf8, path: "x.md")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.severity == .error)
        #expect(error.message.id == "bidi-control")
        // "金额 1" is 8 UTF-8 bytes, so the control starts at byte column 9.
        #expect(error.location == SourceLocation(path: "x.md", line: 2, column: 9))
    }

    @Test func controlCharactersAreWarningsAndOrdinaryWhitespaceIsNot() {
        let found = TextSafety.scan("a\tb\r\nc\u{0B}d\u{2028}e\u{200F}".utf8, path: "x.md", lineOffset: 2)
        #expect(found.map(\.message.id) == ["control-character"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location == SourceLocation(path: "x.md", line: 4, column: 2))
        #expect(found.first?.message.text.contains("U+000B") == true)
    }

    @Test func bidiInBodyFrontMatterAndDataFailsTheBuild() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 标题\u{202E}txt.exe\n---\n\n正文 \u{2067}隔离\n", to: "content/pages/trojan.md")
        try site.write("name,value\n万州区,1\u{202D}2\n", to: "content/data/units.csv")
        let result = SiteBuilder(root: site.root).build()
        let bidi = result.diagnostics.sorted.filter { $0.message.id == "bidi-control" }.compactMap(\.location)
        #expect(
            bidi == [
                SourceLocation(path: "content/data/units.csv", line: 2, column: 12),
                SourceLocation(path: "content/pages/trojan.md", line: 2, column: 14),
                SourceLocation(path: "content/pages/trojan.md", line: 5, column: 8),
            ])
        #expect(!result.succeeded)
        #expect(result.files.isEmpty)
    }

    @Test func lineSeparatorsAndScriptEndTagsAreEscapedInTheSearchIndex() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 分隔符</script><script>alert(1)</script>\n---\n\n行\u{2028}段\u{2029}尾 `</script><!--`\n", to: "content/pages/js.md")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.succeeded, "\(result.diagnostics.items)")
        let index = String(decoding: try #require(result.files["search-index.js"]), as: UTF8.self)
        #expect(index.contains("行\\u2028段\\u2029尾"))
        #expect(!index.contains("\u{2028}") && !index.contains("\u{2029}"))
        #expect(index.contains("\\u003c/script>"))
        #expect(!index.lowercased().contains("</script") && !index.contains("<!--"))
    }
}
