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
}
