import Foundation
import Testing

@testable import QingshanKit

/// Workbooks that are not what they claim: bombs, DTDs, damage. None may crash or hang.
@Suite struct WorkbookSafetyTests {
    private func zip(_ parts: [(String, String)]) throws -> Data { try zipParts(parts) }

    private let relationships = """
        <Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>
        """
    private let workbookXML = #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#

    private func ids(_ data: Data, limits: WorkbookLimits = WorkbookLimits()) -> [String] {
        loadWorkbook(data, file: "x.xlsx", limits: limits).diagnostics.map(\.message.id)
    }

    @Test func aHandWrittenMinimalWorkbookReads() throws {
        let data = try zip([
            ("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationships),
            ("xl/worksheets/sheet1.xml", #"<worksheet><sheetData><row><c t="inlineStr"><is><t>a &amp; b</t></is></c></row><row><c><v>1</v></c></row></sheetData></worksheet>"#),
        ])
        let (dataset, diagnostics) = loadWorkbook(data, file: "x.xlsx")
        #expect(diagnostics.isEmpty)
        #expect(texts(dataset) == [["a & b": "1"]])
    }

    @Test func aDTDIsRefusedBeforeAnyEntityExpands() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
            <worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let data = try zip([("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationships), ("xl/worksheets/sheet1.xml", laughs)])
        #expect(ids(data) == ["workbook-xml-doctype"])
    }

    @Test func anExternalEntityIsRefused() throws {
        let external = #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook/>"#
        let data = try zip([("xl/workbook.xml", external), ("xl/_rels/workbook.xml.rels", relationships)])
        #expect(ids(data) == ["workbook-xml-doctype"])
    }

    private func sheetProblem(_ sheet: String) throws -> Diagnostic {
        let data = try zip([("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationships), ("xl/worksheets/sheet1.xml", sheet)])
        let diagnostics = loadWorkbook(data, file: "x.xlsx").diagnostics
        #expect(diagnostics.count == 1)
        return try #require(diagnostics.first)
    }

    @Test func aBadValueInTheSheetXMLIsPutAtItsCell() throws {
        let problem = try sheetProblem(
            """
            <worksheet><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>
            <row r="2"><c r="A2"><v>1</v></c>  <c r="B2"><v>abc</v></c></row>
            </sheetData></worksheet>
            """)
        #expect(
            problem.description
                == "content/data/x.xlsx:2:2: error: S!B2: part xl/worksheets/sheet1.xml is not valid SpreadsheetML: 'abc' is not a number (line 3, column 36)")
        #expect(problem.message.zh?.hasSuffix("（第 3 行第 36 列）") == true)
    }

    @Test func brokenXMLOutsideACellNamesItsLineAndColumnInThePart() throws {
        let problem = try sheetProblem("<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n<row r=\"1\"></row></sheetData></worksheet>")
        #expect(problem.description == "content/data/x.xlsx: error: part xl/worksheets/sheet1.xml is not valid SpreadsheetML: row 1 is out of order (line 3, column 1)")
        let truncated = try sheetProblem("<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>\n<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>b")
        #expect(truncated.location?.line == 2 && truncated.location?.column == 3)
        #expect(truncated.message.text.hasPrefix("S!C2: part xl/worksheets/sheet1.xml ends in the middle of its XML (line 3, column "))
    }

    @Test func limitsOnEntriesAndUnpackedBytes() throws {
        let villages = try workbookFixture("villages.xlsx")
        var few = WorkbookLimits()
        few.entries = 5
        #expect(ids(villages, limits: few) == ["workbook-too-many-entries"])
        var small = WorkbookLimits()
        small.uncompressedBytes = 4_000
        #expect(ids(villages, limits: small) == ["workbook-too-large"])
    }

    @Test func aHighlyCompressedPartIsRefusedBeforeItInflates() throws {
        let huge = "<worksheet><sheetData>" + String(repeating: " ", count: 4 << 20) + "</sheetData></worksheet>"
        let data = try zip([("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationships), ("xl/worksheets/sheet1.xml", huge)])
        #expect(ids(data) == ["workbook-compression-ratio"])
    }

    /// A part whose deflate stream runs past the compressed size the directory states: the
    /// reader inflates exactly the stated bytes, so the part is damaged (ZIPFoundation's
    /// `Archive` read on past it, and at the end of the file looped for ever).
    @Test func aDeflateStreamLongerThanItsStatedSizeIsDamage() throws {
        let sheet = "<worksheet><sheetData>" + String(repeating: "<row><c><v>1</v></c></row>", count: 500) + "</sheetData></worksheet>"
        var bytes = [UInt8](try zip([("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationships), ("xl/worksheets/sheet1.xml", sheet)]))
        let name: [UInt8] = Array("xl/worksheets/sheet1.xml".utf8)
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        func isRecord(_ offset: Int) -> Bool {
            bytes[offset..<(offset + 4)].elementsEqual(signature) && bytes[(offset + 46)..<(offset + 46 + name.count)].elementsEqual(name)
        }
        let record = try #require((0..<(bytes.count - 46 - name.count)).first(where: isRecord))
        // The central directory's compressed size (bytes 20–23 of the record), halved.
        let size = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[record + 20 + $1]) << (8 * UInt32($1)) }
        for k in 0..<4 { bytes[record + 20 + k] = UInt8(truncatingIfNeeded: (size / 2) >> (8 * UInt32(k))) }
        #expect(ids(Data(bytes)) == ["workbook-damaged"])
    }

    @Test(arguments: [
        (Data("id,name\n1,a\n".utf8), "workbook-not-zip"),
        (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)), "workbook-compound-file"),
        (Data(), "workbook-not-zip"),
    ])
    func notAWorkbook(data: Data, id: String) {
        #expect(ids(data) == [id])
    }

    /// Every prefix of a real workbook, and deterministic byte flips in it: an error or a
    /// dataset, never a crash or a hang. (Through ZIPFoundation's `Archive` this hung now and
    /// then: its extraction looped at the end of the file; see `ZIPDirectory`.)
    @Test(arguments: ["cells.xlsx", "problems.xlsx", "villages-libreoffice.xlsx"])
    func damagedWorkbooksNeverCrash(name: String) throws {
        let original = try workbookFixture(name)
        for length in stride(from: 0, to: original.count, by: 97) {
            _ = loadWorkbook(original.prefix(length), file: "x.xlsx")
        }
        var generator = SeededRandom(seed: 15)
        for _ in 0..<300 {
            var bytes = [UInt8](original)
            for _ in 0..<4 {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = loadWorkbook(Data(bytes), file: "x.xlsx")
        }
    }

    /// Truncated and mangled sheet XML, straight into the reader.
    @Test func damagedSheetXMLNeverCrashes() throws {
        let sheet =
            #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="XFD1048576"><v>1</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><r><t>x</t></r><rPh><t>y</t></rPh></is></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>"#
        let bytes = Array(sheet.utf8)
        let reader = WorksheetReader(sharedStrings: ["a"])
        for length in 0...bytes.count {
            _ = try? reader.read(Array(bytes.prefix(length)))
        }
        let full = try reader.read(bytes)
        #expect(full.rows.count == 2)
        #expect(full.rows[0].cells.map(\.column) == [1, 16_384])
        #expect(full.rows[1].cells.first?.value == .text("x"))
        var generator = SeededRandom(seed: 3)
        for _ in 0..<2_000 {
            var mangled = bytes
            mangled[Int(generator.next() % UInt64(mangled.count))] = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "/"), 0][Int(generator.next() % 6)]
            _ = try? reader.read(mangled)
        }
    }
}
