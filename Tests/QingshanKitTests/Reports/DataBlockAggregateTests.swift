import Foundation
import Testing

@testable import QingshanKit

/// Grouped aggregates, recomputed here from the fixture rows with `Decimal` arithmetic.
@Suite struct DataBlockAggregateTests {
    func table(_ body: String) throws -> ResultTable {
        var diagnostics = Diagnostics()
        let yaml = BlockYAML(body: body, bodyStart: SourceLocation(path: "t.md", line: 2, column: 1))
        let options = try #require(DataBlockOptions.parse(view: "table", yaml: yaml, diagnostics: &diagnostics))
        let query = DataQuery(dataset: ReportFixtures.villages, options: options, fence: yaml.fenceLocation)
        let result = query.table(diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        return try #require(result)
    }

    /// county → rows, in first-appearance order.
    var byCounty: [(String, [DataRow])] {
        var order: [String] = []
        var rows: [String: [DataRow]] = [:]
        for row in ReportFixtures.villages.rows {
            let county = row["county"].description
            if rows[county] == nil { order.append(county) }
            rows[county, default: []].append(row)
        }
        return order.map { ($0, rows[$0]!) }
    }

    @Test(arguments: ["count", "sum", "mean"])
    func aggregatePerGroup(_ kind: String) throws {
        let aggregate = kind == "count" ? "count" : "{\(kind): investment}"
        let result = try table("source: villages\ngroupBy: county\naggregate: \(aggregate)\n")
        let expected: [[DataValue]] = byCounty.map { county, rows in
            let sum = rows.reduce(Decimal(0)) { $0 + ($1["investment"].decimal ?? 0) }
            let value: DataValue =
                switch kind {
                case "count": .integer(rows.count)
                case "sum": .number(sum)
                default: .number(sum / Decimal(rows.count))
                }
            return [.string(county), value]
        }
        #expect(result.rows == expected)
        #expect(result.columns.map(\.name) == ["county", kind == "count" ? "count" : "investment"])
    }

    @Test func sumIsExactInDecimal() throws {
        let result = try table("source: villages\naggregate: {sum: investment}\n")
        #expect(result.rows == [[.number(try #require(Decimal(string: "13015.35")))]])
    }

    @Test func filterSortAndLimit() throws {
        let result = try table(
            "source: villages\nfilter: {status: [已完工, 已验收]}\ncolumns: [name, investment]\nsort: -investment\nlimit: 3\n")
        #expect(result.rows.map { $0[0].description } == ["凤凰村", "桃花村", "金山村"])
    }

    @Test func groupedTableSortsByItsComputedColumn() throws {
        let result = try table("source: villages\ngroupBy: county\naggregate: count\nsort: [-count, county]\n")
        #expect(result.rows == [[.string("宣汉县"), .integer(3)], [.string("开江县"), .integer(2)], [.string("通川区"), .integer(2)]])
    }

    @Test func progressCountsDoneStatusesPerGroup() throws {
        let result = ReportFixtures.render(
            "progress", "source: villages\ngroupBy: county\ndone: {status: [已完工, 已验收]}\n")
        #expect(result.diagnostics.isEmpty)
        // 通川区 1/2, 宣汉县 2/3, 开江县 1/2, checked by the labels in the ring chart.
        #expect(result.html.contains(">50%</text>"))
        #expect(result.html.contains(">67%</text>"))
        #expect(result.html.contains(">2/3</text>"))
    }
}
