import Foundation
import Testing

@testable import QingshanKit

/// A record page's summary comes from the schema: the first enum is the badge, the other
/// enums with the same values are the checklist, `%` fields are meters, grouping fields link
/// to the list, the rest are facts; the title's field and the primary key are left out.
@Suite struct RecordSummaryTests {
    static let states = ["未开工", "在建", "已完工", "已验收"]

    static var dataset: Dataset {
        let location = SourceLocation(path: "content/data/works.schema.yaml", line: 1)
        let fields = [
            DataField(name: "id", title: "代码"), DataField(name: "name", title: "名称"),
            DataField(name: "area", title: "片区"), DataField(name: "state", title: "状态"),
            DataField(name: "roads", title: "道路"), DataField(name: "lights", title: "路灯"),
            DataField(name: "done", type: .integer, title: "进度", unit: "%"),
            DataField(name: "cost", type: .number, title: "投资", unit: "万元", decimals: 1),
        ]
        func row(_ id: String, _ area: String, _ state: String, _ roads: String, _ lights: String, _ done: Int) -> DataRow {
            ReportFixtures.row(
                "content/data/works.csv", 2,
                [
                    "id": .string(id), "name": .string("工程" + id), "area": .string(area), "state": .string(state),
                    "roads": .string(roads), "lights": .string(lights), "done": .integer(done), "cost": .number(12.5),
                ])
        }
        var dataset = Dataset(
            name: "works", path: "content/data/works.csv", fields: fields,
            rows: [
                row("1", "东区", "在建", "已验收", "未开工", 130), row("2", "东区", "未开工", "未开工", "未开工", 0),
                row("3", "西区", "已完工", "已完工", "已验收", 100),
            ])
        var schema = TableSchema(path: "content/data/works.schema.yaml")
        schema.fields = ["state", "roads", "lights"].map {
            TableSchema.Field(name: $0, type: .string, constraints: .init(enumValues: states), location: location)
        }
        schema.primaryKey = ["id"]
        dataset.schema = schema
        return dataset
    }

    func summary(row: Int, list: String? = "../index.html") -> [String: TemplateValue] {
        let dataset = Self.dataset
        let grouping = RecordSummary.groupingFields(in: dataset)[row]
        return RecordSummary(
            dataset: dataset, row: dataset.rows[row], grouping: Set(grouping), listURL: list, titleFields: ["name"]
        ).values()
    }

    @Test func badgeChecklistAndMeter() throws {
        let values = summary(row: 0)
        #expect(values["badge"] == ["title": "状态", "value": "在建", "state": "doing", "mark": "◐"])
        let checklist = try #require(values["checklist"])
        #expect(
            checklist == [
                "items": [
                    ["title": "道路", "value": "已验收", "state": "done", "mark": "✓"],
                    ["title": "路灯", "value": "未开工", "state": "todo", "mark": "○"],
                ]
            ])
        // 130 is clamped to the meter's 0–100.
        #expect(values["meters"] == [["id": "record-done", "title": "进度", "value": "100", "text": "100%"]])
    }

    @Test func groupingFieldsLinkToTheFilteredListAndTheRestAreFacts() {
        let values = summary(row: 0)
        #expect(
            values["facts"] == [
                "items": [
                    ["title": "片区", "text": "东区", "isLink": true, "url": "../index.html?filter=%E4%B8%9C%E5%8C%BA"],
                    ["title": "投资", "text": "12.5 万元", "isLink": false],
                ]
            ], "东区 is shared by two rows: area groups them; id and name are not facts")
        // 西区 is this row's alone: a plain fact, as is everything without a list to link to.
        #expect(
            summary(row: 2)["facts"] == [
                "items": [
                    ["title": "片区", "text": "西区", "isLink": false],
                    ["title": "投资", "text": "12.5 万元", "isLink": false],
                ]
            ])
        #expect(
            summary(row: 0, list: nil)["facts"] == [
                "items": [
                    ["title": "片区", "text": "东区", "isLink": false],
                    ["title": "投资", "text": "12.5 万元", "isLink": false],
                ]
            ])
    }

    @Test func groupingFieldsPerRow() {
        // Row 0: 东区 twice and lights 未开工 twice group; its state 在建 and roads 已验收 are its own.
        let grouping = RecordSummary.groupingFields(in: Self.dataset)
        #expect(grouping[0] == ["area", "lights"])
        #expect(grouping[2] == [], "西区, 已完工, 已完工, 已验收 occur once each")
    }

    @Test func noSchemaNoSummaryButFacts() {
        var dataset = Self.dataset
        dataset.schema = nil
        let values = RecordSummary(dataset: dataset, row: dataset.rows[0], grouping: [], listURL: nil, titleFields: ["name"]).values()
        #expect(values["badge"] == nil && values["checklist"] == nil)
        #expect(values["meters"] != nil, "a % field is a meter with or without a schema")
    }
}
