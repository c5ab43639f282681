import Foundation

/// An `.xlsx` workbook opened for reading: its sheets, styles and shared strings, each
/// sheet read on demand. Only what datasets need: values, number formats, merges, hidden
/// rows and columns.
struct Workbook {
    private var archive: WorkbookArchive
    let sheets: [WorkbookSheets.Sheet]
    let date1904: Bool
    let styles: WorkbookStyles
    private let sharedStrings: [String]

    /// - Parameter data: the whole workbook file.
    init(data: Data, limits: WorkbookLimits) throws(WorkbookError) {
        var archive = try WorkbookArchive(data: data, limits: limits)
        guard let workbook = try archive.read("xl/workbook.xml") else { throw .missingPart("xl/workbook.xml") }
        guard let relationships = try archive.read("xl/_rels/workbook.xml.rels") else {
            throw .missingPart("xl/_rels/workbook.xml.rels")
        }
        let index = try WorkbookSheets.read(workbook: workbook, relationships: relationships)
        guard !index.sheets.isEmpty else { throw .noSheets }
        sheets = index.sheets
        date1904 = index.date1904
        styles = try Self.parse(archive.read("xl/styles.xml"), part: "xl/styles.xml", WorkbookStyles.read) ?? WorkbookStyles()
        sharedStrings = try Self.parse(archive.read("xl/sharedStrings.xml"), part: "xl/sharedStrings.xml", SharedStrings.read) ?? []
        self.archive = archive
    }

    /// The cells of `sheet`.
    mutating func worksheet(_ sheet: WorkbookSheets.Sheet) throws(WorkbookError) -> Worksheet {
        guard let bytes = try archive.read(sheet.part) else { throw .missingPart(sheet.part) }
        let reader = WorksheetReader(sharedStrings: sharedStrings)
        do {
            return try reader.read(bytes)
        } catch {
            throw .xml(part: sheet.part, failure: error.located(in: bytes))
        }
    }

    private static func parse<T>(
        _ bytes: [UInt8]?, part: String, _ read: ([UInt8]) throws(XMLScanner.Failure) -> T
    ) throws(WorkbookError) -> T? {
        guard let bytes else { return nil }
        do {
            return try read(bytes)
        } catch {
            throw .xml(part: part, failure: error.located(in: bytes))
        }
    }
}
