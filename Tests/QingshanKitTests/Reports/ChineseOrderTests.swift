import Foundation
import Testing

@testable import QingshanKit

/// Chinese ordering: a referenced dataset's order for foreign keys, an enum's order for
/// enums, pinyin for other text; never code points.
@Suite struct ChineseOrderTests {
    static let location = SourceLocation(path: "content/data/villages.schema.yaml", line: 1)

    /// The official order of four units (not their pinyin order, not their code-point order).
    static let units = Dataset(
        name: "units", path: "content/data/units.yaml", fields: [DataField(name: "name")],
        rows: ["通川区", "达川区", "宣汉县", "万源市"].enumerated().map { index, name in
            ReportFixtures.row("content/data/units.yaml", index + 1, ["name": .string(name)])
        })

    /// Villages whose county references `units` and whose status is an enum.
    static var villages: Dataset {
        var dataset = ReportFixtures.villages
        dataset.rows.append(
            ReportFixtures.row(
                dataset.path, 9,
                [
                    "name": .string("万家村"), "county": .string("万源市"), "status": .string("未开工"), "investment": .number(1),
                ]))
        var schema = TableSchema(path: "content/data/villages.schema.yaml")
        schema.fields = [
            TableSchema.Field(
                name: "status", type: .string, constraints: .init(enumValues: ["未开工", "在建", "已完工", "已验收"]),
                location: location)
        ]
        schema.foreignKeys = [.init(fields: ["county"], resource: "units", referenceFields: ["name"], location: location)]
        dataset.schema = schema
        return dataset
    }

    func table(_ body: String) throws -> ResultTable {
        var diagnostics = Diagnostics()
        let yaml = BlockYAML(body: body, bodyStart: SourceLocation(path: "t.md", line: 2, column: 1))
        let options = try #require(DataBlockOptions.parse(view: "table", yaml: yaml, diagnostics: &diagnostics))
        let query = DataQuery(
            dataset: Self.villages, options: options, fence: yaml.fenceLocation,
            datasets: ["units": Self.units, "villages": Self.villages])
        let result = query.table(diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        return try #require(result)
    }

    @Test func pinyinNotCodePoints() {
        // Code points put 万 (U+4E07) first; pinyin reads da, kai, tong, wan, xuan.
        let sorted = ["万源市", "通川区", "宣汉县", "达川区", "开江县"].sorted(by: ChineseCollation.ascending)
        #expect(sorted == ["达川区", "开江县", "通川区", "万源市", "宣汉县"])
        #expect(ChineseCollation.ascending("样例村9", "样例村10"))
        #expect(ChineseCollation.ascending("样例村09", "样例村9") != ChineseCollation.ascending("样例村9", "样例村09"))
    }

    @Test func foreignKeyFollowsTheReferencedRows() throws {
        let result = try table("source: villages\ncolumns: [county, name]\nsort: county\n")
        let counties = result.rows.map { $0[0].description }
        #expect(
            counties == ["通川区", "通川区", "宣汉县", "宣汉县", "宣汉县", "万源市", "开江县", "开江县"],
            "units' order, then the unlisted 开江县 after them")
        let descending = try table("source: villages\ncolumns: [county]\nsort: -county\n")
        #expect(descending.rows.first?[0].description == "开江县")
        #expect(descending.rows.last?[0].description == "通川区")
    }

    @Test func enumFollowsItsDeclaredOrder() throws {
        let result = try table("source: villages\ncolumns: [status]\nsort: status\n")
        #expect(Array(result.rows.map { $0[0].description }.uniqued()) == ["未开工", "在建", "已完工", "已验收"])
    }

    @Test func otherTextByPinyin() throws {
        let result = try table("source: villages\ncolumns: [name]\nsort: name\n")
        // 白鹤 bai, 凤凰 feng, 金山 jin, 龙泉 long, 青龙 qing, 石桥 shi, 桃花 tao, 万家 wan
        #expect(result.rows.map { $0[0].description } == ["白鹤村", "凤凰村", "金山村", "龙泉村", "青龙村", "石桥村", "桃花村", "万家村"])
    }

    @Test func sortableTableCarriesTheBuildsRanks() throws {
        let result = try table("source: villages\ncolumns: [name, county, investment]\n")
        let html = TableRenderer.html(result, caption: "村庄", id: "t", sortable: true)
        #expect(html.contains("<td data-value=\"通川区\" data-order=\"0\">通川区</td>"))
        #expect(html.contains("<td data-value=\"开江县\" data-order=\"3\">开江县</td>"))
        #expect(html.contains("<td data-value=\"白鹤村\" data-order=\"0\">白鹤村</td>"))
        #expect(!html.contains("class=\"qs-num\" data-value=\"0\" data-order"), "numbers carry no rank")
    }

    func chart(_ body: String) throws -> ChartData {
        var diagnostics = Diagnostics()
        let yaml = BlockYAML(body: body, bodyStart: SourceLocation(path: "t.md", line: 2, column: 1))
        let options = try #require(DataBlockOptions.parse(view: "chart", yaml: yaml, diagnostics: &diagnostics))
        let query = DataQuery(dataset: Self.villages, options: options, fence: yaml.fenceLocation, datasets: ["units": Self.units])
        let data = query.chartData(diagnostics: &diagnostics)
        #expect(diagnostics.items.isEmpty)
        return try #require(data)
    }

    @Test func chartCategoriesSortByTheReference() throws {
        let data = try chart("source: villages\nx: county\nsort: county\n")
        #expect(data.categories == ["通川区", "宣汉县", "万源市", "开江县"])
    }

    @Test func chartSeriesFollowTheEnum() throws {
        let data = try chart("source: villages\nx: county\nseries: status\n")
        // First appearance would give 已验收, 在建, 已完工, 未开工.
        #expect(data.series.map(\.name) == ["未开工", "在建", "已完工", "已验收"])
    }

    @Test func collectionPagesFollowTheSortField() {
        let order = CollectionPages.rowOrder(of: Self.villages, by: "county", datasets: ["units": Self.units])
        #expect(
            order.map { Self.villages.rows[$0]["county"].description }
                == ["通川区", "通川区", "宣汉县", "宣汉县", "宣汉县", "万源市", "开江县", "开江县"])
        #expect(CollectionPages.rowOrder(of: Self.villages, by: nil, datasets: [:]) == Array(0..<8))
    }
}

extension Sequence where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
