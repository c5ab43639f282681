import Foundation
import Testing

@testable import QingshanKit

/// The small pieces: XML scanning, number formats, date serials, cell references, the data folder.
@Suite struct WorkbookPartsTests {
    @Test(arguments: [
        ("yyyy\"年\"m\"月\"d\"日\"", WorkbookStyles.NumberKind.date),
        ("yyyy\\年m\\月d\\日", .date),
        ("[$-804]yyyy/mm/dd", .date),
        ("[DBNum1][$-804]yyyy\"年\"m\"月\"", .date),
        ("yyyy/mm/dd", .date),
        ("h:mm:ss", .plain),
        ("[h]:mm", .plain),
        ("0.00\"天\"", .plain),
        ("0.0%", .percent),
        ("#,##0.00_);[Red](#,##0.00)", .plain),
        ("\"day\"0", .plain),
        ("@", .plain),
    ])
    func customFormats(code: String, kind: WorkbookStyles.NumberKind) {
        #expect(WorkbookStyles.kind(ofFormat: code) == kind)
    }

    @Test(arguments: [(14, WorkbookStyles.NumberKind.date), (22, .date), (45, .date), (47, .date), (9, .percent), (10, .percent), (0, .plain), (49, .plain)])
    func builtInFormats(id: Int, kind: WorkbookStyles.NumberKind) {
        #expect(WorkbookStyles.builtInKind(id) == kind)
    }

    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
        (44287.0, false, "2021-04-01"), (44287.75, false, "2021-04-01"), (0.0, true, "1904-01-01"), (42825.0, true, "2021-04-01"),
    ])
    func dateSerials(serial: Double, date1904: Bool, iso: String) throws {
        let (y, m, d) = try #require(ExcelDate.date(serial: serial, date1904: date1904))
        #expect(FieldValueParser.iso(y, m, d) == iso)
    }

    @Test func theDayThatNeverWasIsNoDate() {
        #expect(ExcelDate.date(serial: 60, date1904: false) == nil)
        #expect(ExcelDate.date(serial: -1, date1904: false) == nil)
    }

    @Test(arguments: [("A1", 1, 1), ("K5", 5, 11), ("$AA$10", 10, 27), ("XFD1048576", 1_048_576, 16_384)])
    func cellReferences(text: String, row: Int, column: Int) throws {
        let reference = try #require(CellReference(text))
        #expect(reference == CellReference(row: row, column: column))
        #expect(reference.description == text.replacingOccurrences(of: "$", with: ""))
    }

    @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "ABCD1"])
    func notCellReferences(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func integralNumbersForTextKeepTheirDigits() {
        let text = WorkbookCellText(styles: WorkbookStyles(), date1904: false)
        func cell(_ number: Double) -> Worksheet.Cell { Worksheet.Cell(column: 1, value: .number(number), style: nil) }
        #expect(text.text(of: cell(511_702_001_001), type: .string) == "511702001001")
        #expect(text.text(of: cell(123_456_789_012_345_678), type: .string) == "1.23457E+17")
        #expect(text.text(of: cell(76.799999999999997), type: .number) == "76.8")
        #expect(text.text(of: cell(1e20), type: .number) == "100000000000000000000")
        #expect(text.text(of: cell(0.1 + 0.2), type: .string) == "0.3")
    }

    @Test func theScannerDecodesEntitiesAndSkipsWhatIsNotData() throws {
        var scanner = XMLScanner(Array(#"<?xml version="1.0"?><!-- c --><x:a b='1 &lt; 2'><![CDATA[<raw>]]>&#x4E2D;&#25991;<c/></x:a>"#.utf8))
        var events: [String] = []
        while let event = try scanner.next() {
            switch event {
            case .start(let tag): events.append("<\(tag.name) \(tag.attributes.map { "\($0.name)=\($0.value)" }.joined())>")
            case .end(let name): events.append("</\(name)>")
            case .text(let text): events.append(text)
            }
        }
        #expect(events == ["<a b=1 < 2>", "<raw>", "中文", "<c >", "</c>", "</a>"])
    }

    @Test func theDataFolderNamesLockFilesAndRefusesLegacyFormats() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["villages.csv", "villages.xlsx", "~$villages.xlsx", "old.xls", "wps.et", "units.xlsx", "units.schema.yaml"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        let listing = try #require(DataFolderListing(folder: folder, path: "content/data"))
        #expect(listing.dataFiles == ["villages": "villages.csv", "units": "units.xlsx"])
        #expect(
            listing.diagnostics.map { "\($0.severity) \($0.message.id) \($0.location?.path ?? "")" } == [
                "error workbook-legacy-format content/data/old.xls",
                "error data-duplicate-name content/data/villages.xlsx",
                "error workbook-legacy-format content/data/wps.et",
                "note workbook-lock-file content/data/~$villages.xlsx",
            ])
    }

    @Test func aCSVHeaderMayUseTheFieldsTitles() {
        let (dataset, diagnostics) = loadInline(
            "村名,投资\n样例村01,76.8\n", schema: "fields:\n  - {name: name, title: 村名}\n  - {name: budget, title: 投资, type: number}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(dataset.rows.first?["budget"] == .number(Decimal(string: "76.8")!))
        #expect(dataset.rows.first?["name"] == .string("样例村01"))
    }
}
