import Foundation
import Testing

@testable import QingshanKit

@Suite struct TableSchemaTests {
    static let schema = """
        fields:
          - {name: id, constraints: {required: true, unique: true, pattern: "[0-9]{12}"}}
          - {name: status, constraints: {enum: [未开工, 在建, 已完工, 已验收]}}
          - {name: budget, type: number, unit: 万元, decimals: 1, constraints: {minimum: 0}}
          - {name: progress, type: integer, constraints: {minimum: 0, maximum: 100}}
          - {name: updated, type: date, constraints: {minimum: 2021-01-01}}
          - {name: done, type: boolean}
        """

    @Test func valuesAreTypedBySchema() throws {
        let (dataset, diagnostics) = loadInline(
            "id,status,budget,progress,updated,done\n051000000001,在建,12.5,40,2021-04-01,是\n", schema: Self.schema)
        #expect(diagnostics.isEmpty)
        let row = try #require(dataset.rows.first)
        #expect(row["id"] == .string("051000000001"))  // leading zero kept: a string field stays text
        #expect(row["budget"] == .number(Decimal(string: "12.5")!))
        #expect(row["progress"] == .integer(40))
        #expect(row["updated"] == .date(year: 2021, month: 4, day: 1))
        #expect(row["done"] == .boolean(true))
        #expect(dataset.field(named: "budget")?.unit == "万元")
        #expect(dataset.field(named: "budget")?.decimals == 1)
    }

    @Test func everyViolationIsReportedWithItsPosition() {
        let csv = """
            id,status,budget,progress,updated,done
            12345,开工,-1,101,2020-12-31,也许
            ,在建,1,1,2021-01-01,
            511724001001,在建,1,1,2021-02-30,
            511724001001,在建,1,1,2021-01-01,

            """
        let (_, diagnostics) = loadInline(csv, schema: Self.schema)
        // Field by field in schema order, rows top to bottom within a field; type errors first.
        #expect(
            positions(diagnostics) == [
                "value-type@2:32",  // boolean 也许: "12345," (6) + 开工 (6) + "," + "-1," + "101," + date (10) + ","
                "value-invalid-date@4:25",  // 2021-02-30
                "value-pattern@2:1",
                "value-required@3:1",
                "value-not-unique@5:1",
                "value-enum@2:7",
                "value-minimum@2:14",
                "value-maximum@2:17",
                "value-minimum@2:21",
            ])
        // The Chinese text names the cell (`F2`), so compare the English text.
        #expect(diagnostics[0].message.text == Diagnostic.Message.valueType(field: "done", value: "也许", expected: "true or false (是/否)").text)
        #expect(diagnostics[4].notes == ["first seen at content/data/villages.csv:4:1"])
        #expect(diagnostics[5].message.text == "field 'status': '开工' is not one of '未开工', '在建', '已完工', '已验收'")
    }

    @Test(arguments: [
        ("id", "5.10E+11", "excel-scientific"),
        ("budget", "5.1E+11", "excel-scientific"),
        ("updated", "44287", "excel-serial-date"),
        ("updated", "2021/4/1", "excel-slash-date"),
        ("updated", "2021年4月1日", "date-format"),
        ("updated", "2021-4-1", "date-format"),
        ("budget", "#N/A", "excel-error-value"),
        ("progress", "#DIV/0!", "excel-error-value"),
        ("budget", "１２.５", "fullwidth-digits"),
        ("progress", "６３％", "fullwidth-digits"),
        ("progress", "63％", "fullwidth-percent"),
        ("progress", "63%", "fullwidth-percent"),
        ("budget", "1,234.5", "thousands-separator"),
        ("budget", "12.5万", "value-type"),
    ])
    func excelDamageHasItsOwnMessage(field: String, value: String, id: String) throws {
        let columns = ["id", "status", "budget", "progress", "updated", "done"]
        var cells = ["511724001001", "在建", "1", "1", "2021-01-01", ""]
        let index = try #require(columns.firstIndex(of: field))
        cells[index] = "\"\(value)\""
        let (_, diagnostics) = loadInline(columns.joined(separator: ",") + "\n" + cells.joined(separator: ",") + "\n", schema: Self.schema)
        let column = cells[..<index].reduce(1) { $0 + $1.utf8.count + 1 }
        #expect(positions(diagnostics) == ["\(id)@2:\(column)"])
    }

    @Test func excelDamageMessagesSuggestTheFix() {
        #expect(
            FieldValueParser.parse("44287", as: .date, field: "updated")
                == .failure(CellProblem(.excelSerialDate(field: "updated", value: "44287", date: "2021-04-01"))))
        #expect(
            FieldValueParser.parse("2021/4/1", as: .date, field: "d")
                == .failure(CellProblem(.excelSlashDate(field: "d", value: "2021/4/1", suggestion: "2021-04-01"))))
        #expect(
            FieldValueParser.parse("１２.５", as: .number, field: "n")
                == .failure(CellProblem(.fullWidthDigits(field: "n", value: "１２.５", suggestion: "12.5"))))
        #expect(
            FieldValueParser.parse("1,234,567", as: .integer, field: "n")
                == .failure(CellProblem(.thousandsSeparator(field: "n", value: "1,234,567", suggestion: "1234567"))))
        #expect(FieldValueParser.parse("-0.50", as: .number, field: "n") == .success(.number(Decimal(string: "-0.5")!)))
    }

    @Test func totalsMustEqualTheSumOfTheirRows() throws {
        let schema = """
            fields: [{name: county}, {name: budget, type: number}, {name: villages, type: integer}]
            totals: {field: county, label: 合计, sum: [budget, villages]}
            """
        let good = loadInline("county,budget,villages\n大竹县,10.5,2\n渠县,0.25,3\n合计,10.75,5\n", schema: schema)
        #expect(good.diagnostics.isEmpty)
        #expect(good.dataset.rows.count == 2)  // the total row is checked, then taken out
        let bad = loadInline("county,budget,villages\n大竹县,10.5,2\n渠县,0.25,3\n合计,10.7,5\n", schema: schema)
        #expect(positions(bad.diagnostics) == ["total-mismatch@4:8"])
        #expect(bad.diagnostics[0].message.text == Diagnostic.Message.totalMismatch(field: "budget", stated: "10.7", sum: "10.75").text)
        let missing = loadInline("county,budget,villages\n大竹县,10.5,2\n", schema: schema)
        #expect(missing.diagnostics.map(\.message.id) == ["total-row-missing"])
    }

    @Test func schemaProblemsArePositionedInTheSchemaFile() {
        let schema = """
            fields:
              - {name: id, type: text}
              - {name: n, constraints: {required: maybe}}
            primaryKey: [idx]
            """
        let (_, diagnostics) = loadInline("id,n\n1,2\n", schema: schema)
        #expect(positions(diagnostics) == ["schema-unknown-type@2:22", "schema-invalid@3:39", "schema-unknown-field@4:13"])
        #expect(diagnostics.allSatisfy { $0.location?.path == "content/data/villages.schema.yaml" })
    }

    @Test func columnsMissingFromTheDataOrTheSchema() {
        let (dataset, diagnostics) = loadInline("id,extra\n1,2\n", schema: "fields: [{name: id}, {name: budget, type: number}]")
        #expect(positions(diagnostics) == ["data-field-not-in-schema@1:4", "schema-field-missing@1:1"])
        #expect(dataset.fields.map(\.name) == ["id", "budget", "extra"])
    }

    @Test func foreignKeysAcrossDatasetsAndTheSampleFlag() throws {
        let root = dataFixtures.appendingPathComponent("foreign-keys")
        let (datasets, diagnostics) = DatasetLoader.load(dataFolder: root.appendingPathComponent("content/data"), root: root)
        #expect(
            diagnostics.map(\.description) == [
                "content/data/villages.csv:3:14: error: field 'county': '渠 县' is not a name in dataset 'units'"
            ])
        let villages = try #require(datasets["villages"])
        #expect(villages.sample)
        #expect(villages.title == "示例村庄")
        #expect(villages.rows.count == 3)
        #expect(datasets["units"]?.sample == false)
    }
}
