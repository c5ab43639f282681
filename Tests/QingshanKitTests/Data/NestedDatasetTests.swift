import Foundation
import Testing

@testable import QingshanKit

/// Hugo-style data files: records under a key beside metadata, records holding lists.
@Suite struct NestedDatasetTests {
    static let milestones = """
        updated: 2024-12-31
        source: 达市环案〔2021〕3号
        milestones:
          - id: memorandum
            title: 签署《备忘录》
            tasks: [起草, 会签]
          - id: supervision
            title: 蓝天保卫战督导帮扶
            tasks:
              - 制定方案
              - 7轮督导
            contact: {office: 综合科}
        """

    static let schema = """
        dialect: {property: milestones}
        fields:
          - {name: id, constraints: {required: true, unique: true}}
          - {name: title, title: 事项}
          - {name: tasks, title: 任务, type: array}
          - {name: contact, type: object}
        """

    @Test func recordsUnderAKeyWithMetadataBeside() throws {
        let (dataset, diagnostics) = loadInline(Self.milestones, file: "milestones.yaml", schema: Self.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(dataset.rows.count == 2)
        #expect(dataset.metadata == ["updated": .string("2024-12-31"), "source": .string("达市环案〔2021〕3号")])
        #expect(dataset.rows[0]["tasks"] == .list([.string("起草"), .string("会签")]))
        #expect(dataset.rows[1]["contact"] == .record(["office": .string("综合科")]))
    }

    @Test func theSameFromJSON() throws {
        let json = #"{"updated": "2024-12-31", "milestones": [{"id": "a", "tasks": ["x", "y"]}]}"#
        let (dataset, diagnostics) = loadInline(json, file: "milestones.json", schema: Self.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(dataset.rows.first?["tasks"] == .list([.string("x"), .string("y")]))
        #expect(dataset.metadata["updated"] == .string("2024-12-31"))
    }

    @Test func aMappingWithoutPropertyNamesTheLineToAdd() throws {
        let (_, diagnostics) = loadInline(Self.milestones, file: "milestones.yaml", schema: "fields: [{name: id}]\n")
        let error = try #require(diagnostics.first)
        #expect(error.message.id == "yaml-records-under-key")
        #expect(error.message.text.hasSuffix("add `dialect: {property: milestones}` to content/data/villages.schema.yaml"))
        #expect(error.location?.line == 1)
    }

    @Test func aPropertyThatHoldsNoListIsNamed() throws {
        let (_, diagnostics) = loadInline(Self.milestones, file: "milestones.yaml", schema: "dialect: {property: updated}\nfields: [{name: id}]\n")
        #expect(diagnostics.map(\.message.id) == ["yaml-property-missing"])
        #expect(diagnostics.first?.location?.line == 1)
    }

    @Test func withoutASchemaANestedValueIsRefusedWithTheHint() throws {
        let (_, diagnostics) = loadInline("- {id: a, tasks: [x]}\n", file: "plans.yaml")
        #expect(positions(diagnostics) == ["yaml-value-not-scalar@1:18"])
        #expect(diagnostics.first?.message.text.contains("`type: array`") == true)
    }

    @Test func aScalarInAnArrayFieldIsAnError() throws {
        let (_, diagnostics) = loadInline(
            "- {id: a, tasks: x}\n- {id: b, tasks: {k: v}}\n", file: "plans.yaml", schema: "fields: [{name: id}, {name: tasks, type: array}]\n")
        #expect(positions(diagnostics) == ["value-not-nested@1:18", "value-not-nested@2:18"])
    }

    @Test func aCSVCellCannotHoldAList() throws {
        let (_, diagnostics) = loadInline("id,tasks\na,x\n", schema: "fields: [{name: id}, {name: tasks, type: array}]\n")
        #expect(positions(diagnostics) == ["value-not-nested@2:3"])
    }

    private func renderer() throws -> DataBlockRenderer {
        let dataset = loadInline(Self.milestones, file: "milestones.yaml", schema: Self.schema).dataset
        return DataBlockRenderer(datasets: ["milestones": dataset])
    }

    @Test func aTableShowsAListInsideItsCell() throws {
        let result = try renderer().render(
            view: "table", info: "table", body: "source: milestones\ncolumns: [title, tasks]\n",
            bodyStart: SourceLocation(path: "content/pages/report.md", line: 10, column: 1))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.html.contains("><ul><li>起草</li><li>会签</li></ul></td>"))
        #expect(result.html.contains("><ul><li>制定方案</li><li>7轮督导</li></ul></td>"))
    }

    @Test func aChartRefusesAListField() throws {
        let result = try renderer().render(
            view: "chart", info: "chart", body: "source: milestones\nx: tasks\naggregate: count\n",
            bodyStart: SourceLocation(path: "content/pages/report.md", line: 10, column: 1))
        #expect(result.diagnostics.map(\.message.id).contains("data-block-nested-field"))
        #expect(result.diagnostics.first { $0.message.id == "data-block-nested-field" }?.location?.line == 11)
    }

    @Test func templatesSeeMetadataAndIterateLists() throws {
        let dataset = loadInline(Self.milestones, file: "milestones.yaml", schema: Self.schema).dataset
        let value = PageRenderer.templateValue(dataset)
        #expect(value["metadata"]?["updated"] == .string("2024-12-31"))
        guard case .list(let rows)? = value["rows"] else {
            Issue.record("no rows")
            return
        }
        #expect(rows.first?["tasks"] == .list([.string("起草"), .string("会签")]))
    }
}
