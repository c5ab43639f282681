import Foundation

@testable import QingshanKit

/// The `.xlsx` reader: the XML parts alone (`xlsx-xml`: the scanner and each part reader,
/// the sheet turned into a table), and whole files (`xlsx`: the ZIP container with its
/// limits, then every part).
enum WorkbookFuzz {
    static func xml(_ bytes: [UInt8]) {
        var scanner = XMLScanner(bytes)
        while (try? scanner.next()) != nil {}
        _ = try? SharedStrings.read(bytes)
        let styles = (try? WorkbookStyles.read(bytes)) ?? WorkbookStyles()
        _ = try? WorkbookSheets.read(workbook: bytes, relationships: bytes)
        guard let sheet = try? WorksheetReader(sharedStrings: ["甲", "乙", ""]).read(bytes) else { return }
        let cellText = WorkbookCellText(styles: styles, date1904: bytes.count & 1 == 1)
        _ = RawTable.workbook(sheet, path: "data/x.xlsx", headerRows: [1], schema: CSVFuzz.schema, cellText: cellText)
        _ = RawTable.workbook(sheet, path: "data/x.xlsx", headerRows: [1, 2], schema: nil, cellText: cellText)
    }

    /// Each input is a whole `.xlsx` file, loaded as a dataset from its bytes.
    static func archive(_ bytes: [UInt8]) {
        _ = DatasetLoader.load(name: "x", path: "data/x.xlsx", workbook: Data(bytes), schema: CSVFuzz.schema)
    }
}
