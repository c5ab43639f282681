import Foundation
import Testing
import ZIPFoundation

@testable import QingshanKit

/// The XLSX download, read back part by part.
@Suite struct DatasetXLSXWriterTests {
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    static let workbook = { try! DatasetXLSXWriter.xlsx(OpenDataSample.dataset, date: DatasetDates.latest(in: OpenDataSample.dataset), creator: "达州市生态环境局") }()

    @Test func hasTheSpreadsheetMLParts() throws {
        let parts = try Self.parts(Self.workbook)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
            ])
        #expect(parts["xl/workbook.xml"]!.contains(#"<sheet name="villages" sheetId="1" r:id="rId1"/>"#))
        #expect(parts["xl/styles.xml"]!.contains(#"<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>"#))
    }

    @Test func cellsAreTyped() throws {
        let sheet = try #require(try Self.parts(Self.workbook)["xl/worksheets/sheet1.xml"])
        // The header shows titles with units, in bold (style 2).
        #expect(sheet.contains(#"<c r="D1" s="2" t="inlineStr"><is><t>投资（万元）</t></is></c>"#))
        // A 12-digit code is text in the text format, never a number.
        #expect(sheet.contains(#"<c r="A2" s="3" t="inlineStr"><is><t>511702001001</t></is></c>"#))
        #expect(sheet.contains(#"<c r="D2"><v>76.8</v></c><c r="E2"><v>100</v></c>"#))
        // 2021-06-25 is day 44372 of Excel's 1900 system, shown in the Chinese date format.
        #expect(sheet.contains(#"<c r="F2" s="1"><v>44372</v></c>"#))
        // Formula-like text stays a string cell, as written; a missing value is no cell.
        #expect(sheet.contains(#"<c r="C3" s="3" t="inlineStr"><is><t>=SUM(A1)</t></is></c>"#))
        #expect(!sheet.contains(#"r="D4""#))
        #expect(sheet.contains(#"<dimension ref="A1:F4"/>"#))
    }

    @Test func headerIsFrozenAndColumnsHaveWidths() throws {
        let sheet = try #require(try Self.parts(Self.workbook)["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<col min="1" max="1" width="14" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="6" max="6" width="17" customWidth="1"/>"#))
    }

    @Test func propertiesCarryTheDataDateNotTheClock() throws {
        let core = try #require(try Self.parts(Self.workbook)["docProps/core.xml"])
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2021-12-31T00:00:00Z</dcterms:created>"#))
        #expect(core.contains("<dc:creator>达州市生态环境局</dc:creator>"))
        let again = try DatasetXLSXWriter.xlsx(OpenDataSample.dataset, date: DatasetDates.latest(in: OpenDataSample.dataset), creator: "达州市生态环境局")
        #expect(again == Self.workbook)
    }

    @Test(arguments: [(1900, 3, 1, 61), (1970, 1, 1, 25_569), (2021, 6, 25, 44_372), (2035, 12, 31, 49_674)])
    func dateSerials(year: Int, month: Int, day: Int, serial: Int) {
        #expect(XLSXSheet.dateSerial(year: year, month: month, day: day) == serial)
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnLetters(index: Int, letters: String) {
        #expect(XLSXSheet.column(index) == letters)
    }

    @Test func xmlEscapesControlCharacters() {
        #expect("a<b&\"c\u{1}".xmlEscaped == "a&lt;b&amp;&quot;c_x0001_")
    }

    /// openpyxl (what the issue's readers use from Python) reads the same rows and types,
    /// when it is installed; the suite never needs the network.
    @Test func openpyxlReadsTheRowsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("villages.xlsx")
        try Self.workbook.write(to: file)
        let script = """
            import sys
            try:
                import openpyxl
            except ImportError:
                print("skip"); sys.exit(0)
            sheet = openpyxl.load_workbook(sys.argv[1]).active
            for row in sheet.iter_rows(values_only=True):
                print("|".join("None" if v is None else type(v).__name__ + ":" + str(v) for v in row))
            print("frozen:" + str(sheet.freeze_panes))
            """
        guard let output = try runPython(script, argument: file.path), output != "skip\n" else { return }
        #expect(
            output == """
                str:村庄代码|str:村名|str:备注|str:投资（万元）|str:完成进度（%）|str:更新日期
                str:511702001001|str:样例村01|str:含,逗号|float:76.8|int:100|datetime:2021-06-25 00:00:00
                str:511702001002|str:样例"村"02|str:=SUM(A1)|int:64|int:60|datetime:2021-04-06 00:00:00
                str:511702001003|str:样例村03|None|None|int:0|datetime:2021-12-31 00:00:00
                frozen:A2

                """)
    }
}

/// Runs `python3 -c script argument`; `nil` when there is no python3. A script that
/// fails is a test failure.
func runPython(_ script: String, argument: String) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, argument]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self)
    // `env` exits 127 when it finds no python3.
    if process.terminationStatus == 127 { return nil }
    #expect(process.terminationStatus == 0, "python3 failed: \(text)")
    return text
}
