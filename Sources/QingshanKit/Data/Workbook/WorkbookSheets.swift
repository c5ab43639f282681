/// The sheets of a workbook, in tab order, from `xl/workbook.xml` and the part each one is
/// stored in, from `xl/_rels/workbook.xml.rels`; and the workbook's date system.
struct WorkbookSheets {
    struct Sheet: Equatable {
        var name: String
        /// The ZIP part holding the sheet (`xl/worksheets/sheet1.xml`).
        var part: String
        /// `state="hidden"` or `"veryHidden"`: read as written, with a warning.
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// `<workbookPr date1904="1"/>`: serials count from 1904-01-01.
    var date1904 = false

    /// - Parameters:
    ///   - workbook: the bytes of `xl/workbook.xml`.
    ///   - relationships: those of `xl/_rels/workbook.xml.rels`.
    static func read(workbook: [UInt8], relationships: [UInt8]) throws(WorkbookError) -> WorkbookSheets {
        var targets: [String: String] = [:]
        var scanner = XMLScanner(relationships)
        do {
            while let event = try scanner.next() {
                if case .start(let tag) = event, tag.name == "Relationship", let id = tag["Id"], let target = tag["Target"] {
                    targets[id] = partPath(target)
                }
            }
        } catch { throw .xml(part: "xl/_rels/workbook.xml.rels", failure: error.located(in: relationships)) }

        var result = WorkbookSheets()
        scanner = XMLScanner(workbook)
        do {
            while let event = try scanner.next() {
                guard case .start(let tag) = event else { continue }
                if tag.name == "workbookPr" {
                    result.date1904 = ["1", "true"].contains(tag["date1904"] ?? "")
                } else if tag.name == "sheet", let name = tag["name"],
                    let id = tag.attribute(local: "id"), let part = targets[id]
                {
                    let state = tag["state"] ?? "visible"
                    result.sheets.append(Sheet(name: name, part: part, hidden: state != "visible"))
                }
            }
        } catch { throw .xml(part: "xl/workbook.xml", failure: error.located(in: workbook)) }
        return result
    }

    /// A relationship target as a ZIP path: `worksheets/sheet1.xml` is relative to `xl/`,
    /// `/xl/worksheets/sheet1.xml` is absolute (both occur in the wild).
    private static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
