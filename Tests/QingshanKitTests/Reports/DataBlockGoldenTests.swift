import Foundation
import Testing

@testable import QingshanKit

/// Every view and chart type against a recorded HTML file in `Golden/reports/`.
/// Record with `QINGSHAN_RECORD=1 swift test --filter DataBlockGoldenTests`; a recording run fails.
@Suite struct DataBlockGoldenTests {
    static let cases: [(name: String, view: String, body: String)] = [
        ("table", "table", "source: villages\ntitle: 示范村 <整治> 进度\ncolumns: [name, county, {field: status, title: 进展}, investment]\nsort: county\n"),
        ("table-grouped-yi", "table", "source: villages\ngroupBy: county\naggregate: {sum: investment}\ncolumns: [county, {field: investment, title: 投资, format: money-yi}]\n"),
        ("chart-bar", "chart", "source: funding\ntitle: 贷款投放\ntype: bar\nx: bank\ny: disbursed\n"),
        ("chart-grouped-bar", "chart", "source: funding\ntitle: 申请与投放\nx: bank\ny: [applied, disbursed]\nformat: money-yi\ndecimals: 1\n"),
        ("chart-stacked-bar", "chart", "source: villages\ntitle: 各县村庄状态\ntype: stacked-bar\nx: county\nseries: status\n"),
        ("chart-donut", "chart", "source: villages\ntitle: 状态分布\ntype: donut\nx: status\n"),
        ("chart-line", "chart", "source: progress\ntitle: 任务进度\ntype: line\nx: date\ny: [sewage, toilets]\nformat: percent\n"),
        ("chart-ring", "chart", "source: progress\ntitle: 最新进度\ntype: ring\nx: date\ny: sewage\nsort: -date\nlimit: 1\n"),
        ("progress-ring", "progress", "source: villages\ntitle: 各县完成率\ngroupBy: county\ndone: {status: [已完工, 已验收]}\n"),
        ("progress-bar", "progress", "source: villages\ntitle: 完成率\ntype: bar\ngroupBy: county\ndone: {status: [已完工, 已验收]}\nsort: -percent\n"),
        ("timeline", "timeline", "source: milestones\ntitle: 路线图 2020～2035\nlabel: label\nstart: start\nend: end\n"),
        ("stat-sum", "stat", "source: funding\naggregate: {sum: applied}\nformat: money-yi\nlabel: 申请贷款\n"),
        ("stat-count", "stat", "source: villages\nfilter: {status: 已验收}\nlabel: 已验收村庄\nunit: 个\n"),
    ]

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/reports")
    }

    @Test(arguments: cases.map(\.name))
    func matchesGolden(_ name: String) throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        let result = ReportFixtures.render(testCase.view, testCase.body, line: 12)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let url = Self.goldenDirectory.appendingPathComponent("\(name).html")
        if ProcessInfo.processInfo.environment["QINGSHAN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(result.html.utf8).write(to: url)
            Issue.record("recorded golden \(url.lastPathComponent); run again without QINGSHAN_RECORD")
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(result.html == golden)
    }

    @Test(arguments: cases.map(\.name))
    func idsAreUniqueAndTextIsEscaped(_ name: String) throws {
        let testCase = try #require(Self.cases.first { $0.name == name })
        let html = ReportFixtures.render(testCase.view, testCase.body, line: 12).html
        let ids = html.matches(of: /id="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("qs-block-12") })
        #expect(!html.contains("<整治>") && !html.contains("<全面>"))
    }

    @Test func chartsCarryTitleDescriptionAndDataTable() {
        for testCase in Self.cases where testCase.view == "chart" || testCase.view == "progress" || testCase.view == "timeline" {
            let html = ReportFixtures.render(testCase.view, testCase.body, line: 12).html
            #expect(html.contains("role=\"img\" aria-labelledby=\"qs-block-12-title qs-block-12-desc\""), "\(testCase.name)")
            #expect(html.contains("<title id=\"qs-block-12-title\">"), "\(testCase.name)")
            #expect(html.contains("<details class=\"qs-data-table\"><summary>数据表</summary>"), "\(testCase.name)")
            #expect(html.contains("<th scope=\"col\""), "\(testCase.name)")
        }
    }
}
