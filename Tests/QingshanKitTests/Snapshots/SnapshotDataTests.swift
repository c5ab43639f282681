import Foundation
import Testing

@testable import QingshanKit

/// The canonical snapshot files, reading them back, and the comparison of two publications.
@Suite struct SnapshotDataTests {
    static let schema = """
        fields:
          - {name: id, title: 村庄代码, constraints: {required: true}}
          - {name: name, title: 村名}
          - {name: status, title: 整治状态, constraints: {enum: [未开工, 在建, 已完工, 已验收]}}
          - {name: progress, title: 完成进度, type: integer, unit: "%"}
        primaryKey: id
        """

    static let villages = """
        id,name,status,progress
        3,村三,在建,60
        1,"村一,东",已完工,100
        2,村二,未开工,0

        """

    private func dataset(_ text: String = villages, schema: String? = SnapshotDataTests.schema) -> Dataset {
        loadInline(text, schema: schema).dataset
    }

    @Test func theCanonicalCSVIsSortedByPrimaryKeyInSchemaOrder() {
        let file = SnapshotFormat.file(for: dataset())
        #expect(file.name == "villages.csv")
        #expect(String(decoding: file.data, as: UTF8.self) == "id,name,status,progress\n1,\"村一,东\",已完工,100\n2,村二,未开工,0\n3,村三,在建,60\n")
    }

    @Test func aSnapshotFileReadsBackToTheSameValues() {
        let current = dataset()
        let file = SnapshotFormat.file(for: current)
        let (read, diagnostics) = SnapshotLoader.readDataset(file.data, path: "content/snapshots/2021-06-30/villages.csv", current: current)
        #expect(diagnostics.isEmpty)
        #expect(!DataComparison.compare(old: read, new: current, schema: current.schema).hasChanges)
        #expect(read.rows.first?["progress"] == .integer(100))
    }

    @Test func aCorruptSnapshotIsAPositionedError() {
        let text = "id,name,status,progress\n1,村一,已完工,1百\n2,\"村二,未开工,0\n"
        let (_, diagnostics) = SnapshotLoader.readDataset(Data(text.utf8), path: "content/snapshots/2021-06-30/villages.csv", current: dataset())
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 1)
        #expect(errors.allSatisfy { $0.location?.path == "content/snapshots/2021-06-30/villages.csv" && ($0.location?.line ?? 0) >= 2 })
    }

    @Test func aSnapshotWithAnotherSchemaIsComparedByFieldNameWithAWarning() {
        let text = "id,name,status,budget\n1,\"村一,东\",在建,5\n"
        let current = dataset()
        let (read, diagnostics) = SnapshotLoader.readDataset(Data(text.utf8), path: "content/snapshots/2021-06-30/villages.csv", current: current)
        #expect(positions(diagnostics) == ["snapshot-schema-drift@1:1"])
        #expect(diagnostics.first?.message.text.contains("progress") == true)
        #expect(diagnostics.first?.message.text.contains("budget") == true)
        let comparison = DataComparison.compare(old: read, new: current, schema: current.schema)
        // Only fields both have are compared: 村一's status (在建 → 已完工), not its progress.
        #expect(comparison.changed.map(\.key) == ["1"])
        #expect(comparison.changed.first?.fields.map(\.field.name) == ["status"])
    }

    @Test func recordsAreAddedRemovedAndChangedByPrimaryKey() {
        let old = dataset("id,name,status,progress\n1,村一,在建,60\n2,村二,未开工,0\n4,村四,在建,10\n")
        let new = dataset()
        let comparison = DataComparison.compare(old: old, new: new, schema: new.schema)
        #expect(comparison.added.map { $0["id"].description } == ["3"])
        #expect(comparison.removed.map { $0["id"].description } == ["4"])
        #expect(comparison.changed.map(\.key) == ["1"])
        let fields = comparison.changed[0].fields
        #expect(fields.map(\.field.title) == ["村名", "整治状态", "完成进度"])
        #expect(ChangesPages.display(fields[2].old, field: fields[2].field) == "60%")
        #expect(ChangesPages.display(fields[2].new, field: fields[2].field) == "100%")
        // 村一 reached 已完工; done now: 村一 only, of 3.
        #expect(comparison.progress?.newlyDone == 1)
        #expect(comparison.progress?.done == 1)
        #expect(comparison.progress?.total == 3)
        #expect(comparison.progress?.doneValues == ["已完工", "已验收"])
    }

    @Test func theSummaryCountsRecordsByTheSchemasRecordUnit() throws {
        let old = dataset("id,name,status,progress\n1,村一,在建,60\n2,村二,未开工,0\n3,村三,在建,60\n")
        let plain = DataComparison.compare(old: old, new: dataset(), schema: dataset().schema)
        #expect(plain.recordUnit == "条记录")
        let counted = dataset(schema: "recordUnit: 个村\n" + Self.schema)
        let villages = DataComparison.compare(old: old, new: counted, schema: counted.schema)
        #expect(villages.recordUnit == "个村")
        #expect(villages.progress?.newlyDone == 1)
    }

    @Test func aDatasetWithoutPrimaryKeyIsComparedAsAWhole() {
        let old = dataset("a,b\n1,2\n", schema: nil)
        let same = DataComparison.compare(old: old, new: dataset("a,b\n1,2\n", schema: nil), schema: nil)
        let other = DataComparison.compare(old: old, new: dataset("a,b\n1,3\n", schema: nil), schema: nil)
        #expect(!same.hasChanges)
        #expect(other.hasChanges && other.wholeChanged && other.key.isEmpty && other.changed.isEmpty)
    }

    @Test func aRecordHistoryHoldsTheDatedValuesOfTheFieldsThatChanged() throws {
        let june = dataset("id,name,status,progress\n1,\"村一,东\",在建,60\n2,村二,未开工,0\n3,村三,在建,60\n")
        let september = dataset("id,name,status,progress\n1,\"村一,东\",已完工,100\n2,村二,未开工,0\n3,村三,在建,60\n")
        let archive = SnapshotArchive(snapshots: [
            Snapshot(date: "2021-09-30", datasets: ["villages": september]), Snapshot(date: "2021-06-30", datasets: ["villages": june]),
        ])
        let current = dataset()
        let histories = try #require(RecordHistories(dataset: current, archive: archive))
        let row = try #require(current.rows.first { $0["id"] == .string("1") })
        let history = try #require(histories.history(of: row))
        #expect(history.fields.map(\.name) == ["status", "progress"])
        // The current data equals the latest snapshot: no third point.
        #expect(history.points.map(\.date) == ["2021-06-30", "2021-09-30"])
        #expect(history.points.map { $0.row?["status"].description } == ["在建", "已完工"])
        let unchanged = try #require(current.rows.first { $0["id"] == .string("2") })
        #expect(histories.history(of: unchanged) == nil)
    }

    @Test func datesAreCheckedAsCalendarDates() {
        #expect(Snapshot.isDate("2021-06-30"))
        #expect(Snapshot.isDate("2024-02-29"))
        #expect(!Snapshot.isDate("2021-02-29"))
        #expect(!Snapshot.isDate("2021-6-30"))
        #expect(!Snapshot.isDate("20210630"))
    }

    @Test func theRecorderRefusesMalformedExistingAndEarlierDates() {
        let existing = ["2021-06-30", "2021-09-30"]
        #expect(positions(SnapshotRecorder.check(date: "2021-13-01", existing: existing, replace: false)) == ["snapshot-date-invalid@0:0"])
        #expect(SnapshotRecorder.check(date: "2021-09-30", existing: existing, replace: false).first?.message.id == "snapshot-date-exists")
        #expect(SnapshotRecorder.check(date: "2021-09-30", existing: existing, replace: true).isEmpty)
        #expect(SnapshotRecorder.check(date: "2021-07-01", existing: existing, replace: false).first?.message.id == "snapshot-date-earlier")
        #expect(SnapshotRecorder.check(date: "2021-12-31", existing: existing, replace: false).isEmpty)
    }

    @Test func nestedFieldsAreWrittenAsJSONLines() {
        var current = dataset()
        current.fields.append(DataField(name: "tasks", type: .array))
        current.rows[0].values["tasks"] = .list([.string("污水"), .string("厕所 \"改\"")])
        let file = SnapshotFormat.file(for: current)
        #expect(file.name == "villages.json")
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(text.hasPrefix("[\n  {\"id\": \"1\", "))
        #expect(text.contains(#""tasks": ["污水", "厕所 \"改\""]"#))
        #expect(text.components(separatedBy: "\n").count == 6)
    }
}
