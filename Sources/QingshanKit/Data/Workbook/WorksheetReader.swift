import Foundation

/// Reads a sheet part (`xl/worksheets/sheet1.xml`) into a `Worksheet`, streaming: one
/// cell at a time, no tree.
///
/// Cells: `t="s"` (shared string), `inlineStr` (`<is>`, rich runs joined), `str` (a formula's
/// text result), `b`, `e` (error value), `d` (ISO date text) and numbers (`n` or no `t`).
/// A formula (`<f>`) is read by its cached value `<v>`; Qingshan never recalculates.
/// Cells and rows without `r` follow the previous one, as the format allows.
struct WorksheetReader {
    let sharedStrings: [String]

    /// The cells of a sheet part. A failure carries the cell being read (`failure.cell`), so
    /// the message names it as the spreadsheet does.
    func read(_ bytes: [UInt8]) throws(XMLScanner.Failure) -> Worksheet {
        var scanner = XMLScanner(bytes)
        var here: CellReference?
        do {
            return try read(&scanner, here: &here)
        } catch {
            var failure = error
            failure.cell = here
            throw failure
        }
    }

    private func read(_ scanner: inout XMLScanner, here: inout CellReference?) throws(XMLScanner.Failure) -> Worksheet {
        var sheet = Worksheet()
        var row: Worksheet.Row?
        var lastRow = 0
        while true {
            let start = scanner.offset
            guard let event = try scanner.next() else { break }
            guard case .start(let tag) = event else {
                if case .end(let name) = event, name == "row", let finished = row {
                    if !finished.cells.isEmpty { sheet.rows.append(finished) }
                    row = nil
                }
                continue
            }
            switch tag.name {
            case "row":
                let number = tag["r"].flatMap { Int($0) } ?? lastRow + 1
                here = nil
                guard number > lastRow, number <= CellReference.maxRow else {
                    throw XMLScanner.Failure(reason: .malformed("row \(number) is out of order"), offset: start)
                }
                lastRow = number
                row = Worksheet.Row(number: number, hidden: ["1", "true"].contains(tag["hidden"] ?? ""), cells: [])
                if tag.selfClosing { _ = try scanner.next() }
            case "c":
                guard var current = row else { continue }
                let previous = current.cells.last?.column ?? 0
                let column = tag["r"].flatMap(CellReference.init)?.column ?? previous + 1
                here = CellReference(row: current.number, column: min(column, CellReference.maxColumn))
                if let value = try readCell(tag, at: start, scanner: &scanner) {
                    current.cells.append(Worksheet.Cell(column: column, value: value, style: tag["s"].flatMap { Int($0) }))
                    row = current
                }
            default:
                Self.readSheetTag(tag, into: &sheet)
            }
        }
        return sheet
    }

    /// Merged ranges and hidden columns, from the tags outside `sheetData`.
    private static func readSheetTag(_ tag: XMLTag, into sheet: inout Worksheet) {
        switch tag.name {
        case "mergeCell":
            if let range = tag["ref"].flatMap(CellRange.init) { sheet.merged.append(range) }
        case "col":
            if ["1", "true"].contains(tag["hidden"] ?? ""), let min = tag["min"].flatMap({ Int($0) }),
                let max = tag["max"].flatMap({ Int($0) }), min <= max
            {
                sheet.hiddenColumns.append(min...max)
            }
        default:
            break
        }
    }

    /// The value of the cell whose start tag was just read, at byte `start`; its end tag is consumed.
    private func readCell(_ tag: XMLTag, at start: Int, scanner: inout XMLScanner) throws(XMLScanner.Failure) -> Worksheet.Value? {
        if tag.selfClosing {
            _ = try scanner.next()
            return nil
        }
        var stored: String?
        var inline: String?
        while let event = try scanner.next() {
            switch event {
            case .start(let child) where child.name == "v":
                stored = child.selfClosing ? "" : try scanner.text(of: "v")
                if child.selfClosing { _ = try scanner.next() }
            case .start(let child) where child.name == "is":
                inline = try Self.inlineText(&scanner)
            case .start(let child):
                if !child.selfClosing { _ = try scanner.text(of: child.name) } else { _ = try scanner.next() }
            case .end:
                do {
                    return try value(type: tag["t"] ?? "n", stored: stored, inline: inline)
                } catch {
                    throw XMLScanner.Failure(reason: .malformed(error.problem), offset: start)
                }
            case .text:
                break
            }
        }
        throw XMLScanner.Failure(reason: .truncated, offset: start)
    }

    /// A cell value the sheet's XML holds but that cannot be what its type says.
    private struct BadValue: Error {
        var problem: String
    }

    private func value(type: String, stored: String?, inline: String?) throws(BadValue) -> Worksheet.Value? {
        if type == "inlineStr" { return inline.flatMap { $0.isEmpty ? nil : .text($0) } }
        guard let stored, !stored.isEmpty else { return nil }
        switch type {
        case "s":
            guard let index = Int(stored), sharedStrings.indices.contains(index) else {
                throw BadValue(problem: "shared string \(stored) does not exist")
            }
            return sharedStrings[index].isEmpty ? nil : .text(sharedStrings[index])
        case "str": return .text(stored)
        // An ISO 8601 date (strict OOXML, some converters): its day, the time dropped.
        case "d": return .text(String(stored.prefix { $0 != "T" }))
        case "b": return .boolean(stored == "1" || stored == "true")
        case "e": return .error(stored)
        default:
            guard let number = Double(stored.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw BadValue(problem: "'\(stored)' is not a number")
            }
            return .number(number)
        }
    }

    /// The text of `<is>`: its `<t>` texts, phonetic runs (`<rPh>`) left out.
    private static func inlineText(_ scanner: inout XMLScanner) throws(XMLScanner.Failure) -> String {
        var text = ""
        while let event = try scanner.next() {
            switch event {
            case .start(let tag) where tag.name == "t": text += tag.selfClosing ? "" : try scanner.text(of: "t")
            case .start(let tag) where tag.name == "rPh": if !tag.selfClosing { _ = try scanner.text(of: "rPh") }
            case .end(let name) where name == "is": return text
            default: break
            }
        }
        throw XMLScanner.Failure(reason: .truncated, offset: scanner.offset)
    }
}
