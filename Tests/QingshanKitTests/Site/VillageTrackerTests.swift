import Foundation
import Testing

@testable import QingshanKit

/// The 49-village tracker's figures, recomputed here from the CSV the bureau edits,
/// and followed through a change of one village's status.
@Suite struct VillageTrackerTests {
    struct Village { var id, county, status: String }

    /// Reads villages.csv directly (UTF-8 BOM, CRLF, no quoted cells in this file).
    private func villages(in site: TemporarySite) throws -> [Village] {
        var text = try String(contentsOf: site.root.appendingPathComponent("content/data/villages.csv"), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ",")
        let id = try #require(header.firstIndex(of: "id"))
        let county = try #require(header.firstIndex(of: "county"))
        let status = try #require(header.firstIndex(of: "status"))
        return lines.dropFirst().map { line in
            let cells = line.components(separatedBy: ",")
            return Village(id: cells[id], county: cells[county], status: cells[status])
        }
    }

    private func trackerPage(_ site: TemporarySite) throws -> String {
        let result = SiteBuilder(root: site.root).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        return String(decoding: try #require(result.files["rural-remediation/index.html"]), as: UTF8.self)
    }

    private func expectFigures(of villages: [Village], in html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let done: Set<String> = ["已完工", "已验收"]
        #expect(villages.count == 49, sourceLocation: sourceLocation)
        let overall = villages.filter { done.contains($0.status) }.count
        #expect(html.contains("<td>合计</td><td class=\"qs-num\">\(overall)</td><td class=\"qs-num\">49</td>"), "overall \(overall)/49", sourceLocation: sourceLocation)
        for county in Set(villages.map(\.county)).sorted() {
            let inCounty = villages.filter { $0.county == county }
            let finished = inCounty.filter { done.contains($0.status) }.count
            #expect(
                html.contains("<td>\(county)</td><td class=\"qs-num\">\(finished)</td><td class=\"qs-num\">\(inCounty.count)</td>"),
                "\(county) \(finished)/\(inCounty.count)", sourceLocation: sourceLocation)
        }
        #expect(html.contains("<span class=\"qs-stat-value\">49</span>") || html.contains(">49<"), sourceLocation: sourceLocation)
    }

    @Test func figuresMatchTheCSVAndFollowAnEdit() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let before = try villages(in: site)
        let html = try trackerPage(site)
        expectFigures(of: before, in: html)
        #expect(html.contains("示例数据"), "sample data is marked on the page that shows it")

        // The first village not yet finished becomes 已验收 on every task.
        let target = try #require(before.first { $0.status == "在建" || $0.status == "未开工" })
        let url = site.root.appendingPathComponent("content/data/villages.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").map { line -> String in
            guard line.hasPrefix(target.id + ",") || line.hasPrefix("\u{FEFF}" + target.id + ",") else { return line }
            var cells = line.components(separatedBy: ",")
            for index in 4...9 { cells[index] = "已验收" }
            cells[11] = "100"
            return cells.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        let after = try villages(in: site)
        #expect(after.filter { $0.status == "已验收" }.count == before.filter { $0.status == "已验收" }.count + 1)
        let changed = try trackerPage(site)
        expectFigures(of: after, in: changed)
        #expect(changed != html)
    }
}
