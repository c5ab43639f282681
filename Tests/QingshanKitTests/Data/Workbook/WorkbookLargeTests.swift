import Foundation
import Testing

@testable import QingshanKit

/// A 10,000-row workbook as Excel writes it reads to the same values as the same rows in
/// CSV. (How fast is for `scripts/bench`, never a unit test: these machines are shared.)
@Suite struct WorkbookLargeTests {
    static let rows = 10_000
    static let schema = """
        fields:
          - {name: id, constraints: {unique: true, pattern: "[0-9]{12}"}}
          - {name: name}
          - {name: county}
          - {name: status, constraints: {enum: [未开工, 在建, 已完工, 已验收]}}
          - {name: budget, type: number}
          - {name: progress, type: integer}
          - {name: updated, type: date}
        """
    static let statuses = ["未开工", "在建", "已完工", "已验收"]

    private func csv() -> String {
        var text = "id,name,county,status,budget,progress,updated\n"
        for i in 0..<Self.rows {
            text += "\(511_724_000_000 + i),样例村\(i),通川区,\(Self.statuses[i % 4]),\(i % 300).5,\(i % 101),2021-06-25\n"
        }
        return text
    }

    /// The same rows as Excel writes them: shared strings, numbers, a date style.
    private func workbook() throws -> Data {
        try zipParts(parts().parts)
    }

    /// The workbook's parts, and its sheet's XML.
    private func parts() -> (parts: [(String, String)], sheet: String) {
        var strings = ["id", "name", "county", "status", "budget", "progress", "updated", "通川区"] + Self.statuses
        var sheet = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">"#
        for (column, letter) in "ABCDEFG".enumerated() { sheet += #"<c r="\#(letter)1" t="s"><v>\#(column)</v></c>"# }
        sheet += "</row>"
        for i in 0..<Self.rows {
            let r = i + 2
            strings.append("样例村\(i)")
            sheet += #"<row r="\#(r)"><c r="A\#(r)"><v>\#(511_724_000_000 + i)</v></c><c r="B\#(r)" t="s"><v>\#(strings.count - 1)</v></c>"#
            sheet += #"<c r="C\#(r)" t="s"><v>7</v></c><c r="D\#(r)" t="s"><v>\#(8 + i % 4)</v></c><c r="E\#(r)"><v>\#(i % 300).5</v></c>"#
            sheet += #"<c r="F\#(r)"><v>\#(i % 101)</v></c><c r="G\#(r)" s="1"><v>44372</v></c></row>"#
        }
        sheet += "</sheetData></worksheet>"
        let shared = "<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        let parts = [
            ("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="村庄名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#),
            ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet),
        ]
        return (parts, sheet)
    }

    @Test func tenThousandRowsReadAsTheCSVDoes() throws {
        let fromCSV = loadInline(csv(), schema: Self.schema).dataset
        let fromWorkbook = loadWorkbook(try workbook(), file: "villages.xlsx", schema: Self.schema).dataset
        #expect(fromWorkbook?.rows.count == Self.rows)
        #expect(fromWorkbook?.rows.map(\.values) == fromCSV.rows.map(\.values))
    }
}
