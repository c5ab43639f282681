import Foundation
import Testing

@testable import QingshanKit

/// Workbooks written by openpyxl and XlsxWriter, read cell by cell.
@Suite struct WorkbookReaderTests {
    @Test func everyKindOfCellReadsAsTextWithoutASchema() throws {
        let (dataset, diagnostics) = loadWorkbook(try workbookFixture("cells.xlsx"), file: "cells.xlsx")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let rows = texts(dataset)
        try #require(rows.count == 3)
        #expect(
            rows[0] == [
                "code": "511702001001", "name": "样例村", "kind": "在建", "built_in": "2021-03-05", "chinese": "2021-04-01",
                "escaped": "2021-12-31", "locale": "2020-02-29", "slashes": "2021-06-25", "rate": "63%", "done": "TRUE",
                "total": "30.5", "note": "Alt+Enter\n第二行",
            ])
        // Serial 1 is 1900-01-01 and 61 is 1900-03-01, across Lotus's fictitious 1900-02-29.
        #expect(rows[1]["built_in"] == "1900-01-01")
        #expect(rows[1]["chinese"] == "1900-03-01")
        #expect(rows[1]["rate"] == "100%")
        #expect(rows[1]["done"] == "FALSE")
        #expect(rows[2]["rate"] == "12.5%")
        #expect(rows[2]["note"] == "  spaced  ")
        #expect(dataset?.workbookSheet == "数据")
    }

    @Test func aSchemaTypesTheCells() throws {
        let schema = """
            fields:
              - {name: code, constraints: {pattern: "[0-9]{12}"}}
              - {name: built_in, type: date}
              - {name: rate, type: number, unit: "%"}
              - {name: done, type: boolean}
              - {name: total, type: number}
            """
        let (dataset, diagnostics) = loadWorkbook(try workbookFixture("cells.xlsx"), file: "cells.xlsx", schema: schema)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
        let row = try #require(dataset?.rows.first)
        #expect(row["code"] == .string("511702001001"))
        #expect(row["built_in"] == .date(year: 2021, month: 3, day: 5))
        #expect(row["rate"] == .number(63))
        #expect(row["done"] == .boolean(true))
        #expect(row["total"] == .number(Decimal(string: "30.5")!))
        #expect(dataset?.rows[2]["rate"] == .number(Decimal(string: "12.5")!))
    }

    @Test func the1904DateSystem() throws {
        let (dataset, diagnostics) = loadWorkbook(try workbookFixture("date1904.xlsx"), file: "days.xlsx")
        #expect(diagnostics.isEmpty)
        #expect(texts(dataset) == [["day": "2021-03-05"]])
    }

    @Test func everyBadCellIsNamedBySheetAndReference() throws {
        let schema = """
            fields:
              - {name: id, constraints: {pattern: "[0-9]{12}"}}
              - {name: name}
              - {name: budget, type: number}
              - {name: ratio, type: number}
              - {name: updated, type: date}
            """
        let (_, diagnostics) = loadWorkbook(try workbookFixture("problems.xlsx"), file: "villages.xlsx", schema: schema)
        let found = diagnostics.map { "\($0.severity) \($0.message.id)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(
            Set(found) == [
                "error value-type@2:3", "error excel-error-value@2:4", "error excel-scientific@3:1", "error excel-error-value@3:4",
                "error excel-serial-date@3:5", "error workbook-cell-outside-header@4:6", "error workbook-merged-cells@5:2",
                "warning workbook-rows-hidden@6:1",
            ])
        let budget = try #require(diagnostics.first { $0.message.id == "value-type" })
        #expect(budget.description == "content/data/villages.xlsx:2:3: error: 村庄名单!C2: field 'budget': '七十' is not a number")
        // In Chinese the cell comes with its column's title (here the name: the schema has no titles).
        #expect(budget.message.zh == "村庄名单!C2（budget）：“七十”不是数值；请改为数值")
        let merged = try #require(diagnostics.first { $0.message.id == "workbook-merged-cells" })
        #expect(merged.message.text.contains("B5:C5"))
        #expect(diagnostics.first { $0.message.id == "excel-scientific" }?.message.text.contains("1.23457E+15") == true)
    }

    @Test func headersMayBeTitlesBelowATitleRow() throws {
        let schema = """
            dialect: {sheetName: 村庄名单, headerRows: [2]}
            fields:
              - {name: id, title: 村庄代码}
              - {name: name, title: 村名}
            """
        let (dataset, diagnostics) = loadWorkbook(try workbookFixture("villages.xlsx"), file: "villages.xlsx", schema: schema)
        // The title row A1:M1 is merged: above the header, so not an error.
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
        #expect(dataset?.rows.count == 49)
        #expect(dataset?.rows.first?["id"] == .string("511702001001"))
        #expect(dataset?.rows.first?["name"] == .string("样例村01"))  // rich text in the shared strings
        #expect(dataset?.rows.first?.location(of: "name") == SourceLocation(path: "content/data/villages.xlsx", line: 3, column: 2))
    }

    @Test(
        arguments: [
            ("", "封面", 0, nil),
            ("dialect: {sheetName: 村庄名单}", "村庄名单", 1, "workbook-sheet-hidden"),
            ("dialect: {sheetNumber: 3}", "第三", 1, nil),
            ("dialect: {sheetName: 名单}", nil, 0, "workbook-sheet-not-found"),
            ("dialect: {sheetNumber: 9}", nil, 0, "workbook-sheet-number"),
        ] as [(String, String?, Int, String?)])
    func choosingTheSheet(dialect: String, sheet: String?, rows: Int, message: String?) throws {
        let (dataset, diagnostics) = loadWorkbook(try workbookFixture("sheets.xlsx"), file: "sheets.xlsx", schema: dialect + "\nfields: []\n")
        #expect(dataset?.workbookSheet == sheet)
        #expect(dataset?.rows.count ?? 0 == rows)
        #expect(diagnostics.map(\.message.id).filter { $0 != "data-field-not-in-schema" } == (message.map { [$0] } ?? []))
    }

    @Test func theVillageWorkbookHoldsTheSameRowsAsTheCSV() throws {
        // The all-features fixture's copy of the bundled tracker, which the workbook was made from.
        let data = workbookFixtures.deletingLastPathComponent().appendingPathComponent("sites/everything/content/data")
        let schemaText = try String(contentsOf: data.appendingPathComponent("villages.schema.yaml"), encoding: .utf8)
        let csv = try Data(contentsOf: data.appendingPathComponent("villages.csv"))
        let decoded = try #require(try? TextDecoder.decode(Array(csv), declared: nil).get())
        let schema = TableSchema.load(utf8: Array(schemaText.utf8), path: "content/data/villages.schema.yaml", isJSON: false).schema
        let fromCSV = DatasetLoader.load(name: "villages", path: "content/data/villages.csv", text: decoded, schema: schema)
        let (fromWorkbook, diagnostics) = loadWorkbook(
            try workbookFixture("villages.xlsx"), file: "villages.xlsx",
            schema: schemaText + "\ndialect: {sheetName: 村庄名单, headerRows: [2]}\n")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
        #expect(fromWorkbook?.rows.map(\.values) == fromCSV.dataset.rows.map(\.values))
    }
}
