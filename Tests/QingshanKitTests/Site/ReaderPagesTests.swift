import Foundation
import Testing

@testable import QingshanKit

/// The bundled site as issue 19's readers meet it: the village list in the units' official
/// order, and a village page that leads with its summary.
@Suite struct ReaderPagesTests {
    static let built: [String: String] = {
        guard let site = try? TemporarySite(copyingEverything: ()) else { return [:] }
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        return result.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    @Test func villageListFollowsTheUnitsOrder() throws {
        let html = try #require(Self.built["rural-remediation/index.html"])
        let table = try #require(html.range(of: "<caption>2021年农村环境综合整治村庄</caption>"))
        let counties = html[table.upperBound...].components(separatedBy: "<tr>").dropFirst(2).prefix(49).compactMap { row in
            row.components(separatedBy: "<td").dropFirst(2).first?.components(separatedBy: ">").dropFirst().first?
                .components(separatedBy: "<").first
        }
        let official = ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市"]
        #expect(counties.first == "通川区")
        #expect(counties.count == 49)
        let ranks = counties.map { official.firstIndex(of: $0) ?? official.count }
        #expect(ranks == ranks.sorted(), "counties in the units' order, not code points (万源市 last)")
        #expect(html.contains("<td data-value=\"通川区\" data-order=\"0\">通川区</td>"), "the rank tables.js sorts by")
    }

    /// The milestones kept Hugo-style (issue 15): a `table` block lists each one's tasks in its cell.
    @Test func theGoalsTableListsEachMilestonesTasks() throws {
        let html = try #require(Self.built["goals/index.html"])
        #expect(html.contains("<caption>各阶段主要工作</caption>"))
        #expect(html.contains("><ul><li>召开跨界河流联防联控推进会议</li><li>签订《铜钵河流域生态环境联动共治协议》</li></ul></td>"))
        #expect(!html.contains("<ul></ul>"), "a milestone without tasks has an empty cell")
    }

    @Test func villagePageLeadsWithItsSummary() throws {
        let html = try #require(Self.built["rural-remediation/villages/511702001003/index.html"])
        let badge = try #require(html.range(of: "<p class=\"record-badge qs-state-doing\">"))
        let meter = try #require(html.range(of: "<meter id=\"record-progress\" min=\"0\" max=\"100\""))
        let checklist = try #require(html.range(of: "<ul class=\"record-checklist\">"))
        let table = try #require(html.range(of: "<table class=\"record\">"))
        #expect(badge.lowerBound < meter.lowerBound && meter.lowerBound < checklist.lowerBound)
        #expect(checklist.lowerBound < table.lowerBound, "the full record comes after the summary")
        #expect(html.components(separatedBy: "<li class=\"qs-state-").count - 1 == 5, "the five remediation tasks")
        #expect(html.contains("<a href=\"../../../rural-remediation/index.html?filter=%E9%80%9A%E5%B7%9D%E5%8C%BA\">通川区</a>"))
    }

    /// Reordering the referenced units reorders the village list in an incremental build too.
    @Test func reorderingTheUnitsRebuildsTheListInTheirNewOrder() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        func build() throws -> BuildResult {
            let result = SiteBuilder.incremental(root: site.root, output: output).build()
            try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
            _ = try OutputWriter(root: site.root, output: output).write(result)
            return result
        }
        try build()
        let units = site.root.appendingPathComponent("content/data/units.yaml")
        let lines = try String(contentsOf: units, encoding: .utf8).components(separatedBy: "\n")
        let tongchuan = try #require(lines.firstIndex { $0.contains("id: tongchuan") })
        let dachuan = try #require(lines.firstIndex { $0.contains("id: dachuan") })
        var swapped = lines
        swapped.swapAt(tongchuan, dachuan)
        try Data(swapped.joined(separator: "\n").utf8).write(to: units)
        let result = try build()
        #expect(result.renderedPageCount > 0)
        let html = try String(contentsOf: output.appendingPathComponent("rural-remediation/index.html"), encoding: .utf8)
        let table = try #require(html.range(of: "<caption>2021年农村环境综合整治村庄</caption>"))
        #expect(html[table.upperBound...].contains("<td data-value=\"达川区\" data-order=\"0\">达川区</td>"))
        let village = try String(
            contentsOf: output.appendingPathComponent("rural-remediation/villages/511703003001/index.html"), encoding: .utf8)
        #expect(village.contains("下一个：样例村01"), "the last of 达川区's villages is now followed by 通川区's first")
    }
}
