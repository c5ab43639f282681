import Foundation
import Testing

@testable import QingshanKit

/// What `build` and `check` print, and what `check --format json` gives machines.
@Suite struct DiagnosticFormatterTests {
    static var sample: Diagnostics {
        var diagnostics = Diagnostics()
        diagnostics.warning(.init(id: "w", text: "a warning"), at: SourceLocation(path: "b.md", line: 2))
        diagnostics.error(
            .init(id: "e", text: "field 'status': 已完工?"), at: SourceLocation(path: "a.csv", line: 4, column: 12),
            notes: ["write one of: 未开工, 在建"])
        diagnostics.note(.init(id: "n", text: "no baseURL"), at: nil)
        return diagnostics
    }

    /// Sorted by place (diagnostics about the whole site first), notes below their line.
    @Test func textIsOneLinePerDiagnosticSortedByPlaceWithNotesBelow() {
        let text = DiagnosticFormatter().text(Self.sample)
        #expect(
            text == """
                note: no baseURL
                a.csv:4:12: error: field 'status': 已完工?
                note: write one of: 未开工, 在建
                b.md:2: warning: a warning

                """)
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!DiagnosticFormatter().text(Self.sample).contains("\u{1B}["))
        let coloured = DiagnosticFormatter(useColour: true).text(Self.sample)
        #expect(coloured.contains("\u{1B}[1;31merror: \u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1ma.csv:4:12: \u{1B}[0m"))
    }

    @Test func jsonHasEveryFieldAndTheCounts() throws {
        let json = DiagnosticFormatter.json(Self.sample)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["path"] == nil)
        #expect(items[1]["path"] as? String == "a.csv")
        #expect(items[1]["line"] as? Int == 4)
        #expect(items[1]["column"] as? Int == 12)
        #expect(items[1]["severity"] as? String == "error")
        #expect(items[1]["id"] as? String == "e")
        #expect(items[1]["notes"] as? [String] == ["write one of: 未开工, 在建"])
        #expect(items[2]["line"] as? Int == 2)
        #expect(items[2]["column"] == nil)
        // Deterministic bytes: keys sorted, slashes and Chinese unescaped.
        #expect(json == DiagnosticFormatter.json(Self.sample))
        #expect(json.contains("\"id\" : \"e\""))
        #expect(json.contains("已完工"))
    }

    @Test func checkOfABrokenSiteGivesPositionedJSON() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.append("\n[dead](no-such-page.md)\n", to: "content/pages/about.md")
        let result = SiteBuilder(root: site.root).build()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormatter.json(result.diagnostics).utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        let dead = try #require(items.first { ($0["message"] as? String)?.contains("no-such-page.md") == true })
        #expect(dead["path"] as? String == "content/pages/about.md")
        #expect(dead["severity"] as? String == "error")
        #expect((dead["line"] as? Int ?? 0) > 1)
        #expect(object["errors"] as? Int ?? 0 >= 1)
    }
}
