import Foundation

extension RawTable {
    /// Reads a sheet as a table: the header from `headerRows` (rows above it are skipped, as
    /// a title row is), one row per later row holding a value. Trailing empty rows and
    /// columns are ignored; merged cells from the header down are errors; hidden rows and
    /// columns are read, with a warning. Positions: line = sheet row, column = column number.
    ///
    /// A cell becomes the text its field's type reads (see `WorkbookCellText`), so the
    /// header is resolved against the schema first: a column may be headed by a field's
    /// name or its title.
    static func workbook(
        _ sheet: Worksheet, path: String, headerRows: [Int], schema: TableSchema?, cellText: WorkbookCellText
    ) -> (RawTable, [Diagnostic]) {
        var table = RawTable(hasHeader: true)
        var diagnostics: [Diagnostic] = []
        let firstHeader = headerRows.first ?? 1
        let lastHeader = headerRows.last ?? 1
        table.headerLocation = SourceLocation(path: path, line: firstHeader, column: 1)
        for range in sheet.merged where range.last.row >= firstHeader {
            diagnostics.append(.error(.workbookMergedCells(range.description), at: location(path, range.first.row, range.first.column)))
        }
        var header: [Int: String] = [:]
        for row in sheet.rows where headerRows.contains(row.number) {
            for cell in row.cells {
                let text = cellText.text(of: cell, type: .string).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { header[cell.column] = header[cell.column].map { "\($0) \(text)" } ?? text }
            }
        }
        let width = header.keys.max() ?? 0
        guard width > 0 else {
            diagnostics.append(.error(.workbookNoHeader(row: firstHeader), at: location(path, firstHeader, 1)))
            return (table, diagnostics)
        }
        let dataRows = sheet.rows.filter { $0.number > lastHeader }
        var names: [Int: String] = [:]
        for column in 1...width {
            guard let text = header[column] else {
                if dataRows.contains(where: { $0.cells.contains { $0.column == column } }) {
                    diagnostics.append(.error(.csvHeaderEmpty(column: column), at: location(path, lastHeader, column)))
                }
                continue
            }
            let name = schema?.fieldName(forHeader: text) ?? text
            if table.columnLocations[name] != nil {
                diagnostics.append(.error(.csvHeaderDuplicate(name), at: location(path, lastHeader, column)))
                continue
            }
            names[column] = name
            table.columns.append(name)
            table.columnLocations[name] = location(path, lastHeader, column)
        }
        diagnostics += hiddenWarnings(sheet, path: path, dataRows: dataRows, width: width)
        for row in dataRows {
            var cells: [String: Cell] = [:]
            for (column, name) in names { cells[name] = Cell(text: nil, location: location(path, row.number, column)) }
            for cell in row.cells {
                guard let name = names[cell.column] else {
                    // Within the header's width, the empty header was reported once for the column.
                    if cell.column > width {
                        diagnostics.append(
                            .error(
                                .workbookCellOutsideHeader(CellReference.letters(ofColumn: cell.column)), at: location(path, row.number, cell.column)))
                    }
                    continue
                }
                let type = schema?.field(named: name)?.type ?? .string
                cells[name]?.text = cellText.text(of: cell, type: type)
            }
            table.rows.append(Row(location: location(path, row.number, 1), cells: cells))
        }
        return (table, diagnostics)
    }

    private static func hiddenWarnings(_ sheet: Worksheet, path: String, dataRows: [Worksheet.Row], width: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let hiddenRows = dataRows.filter(\.hidden).map(\.number)
        if let first = hiddenRows.first {
            diagnostics.append(.warning(.workbookRowsHidden(hiddenRows), at: location(path, first, 1)))
        }
        let hiddenColumns = (1...width).filter { column in sheet.hiddenColumns.contains { $0.contains(column) } }
        if let first = hiddenColumns.first {
            diagnostics.append(
                .warning(
                    .workbookColumnsHidden(hiddenColumns.map(CellReference.letters(ofColumn:))),
                    at: location(path, dataRows.first?.number ?? 1, first)))
        }
        return diagnostics
    }

    private static func location(_ path: String, _ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: row, column: column)
    }
}

extension TableSchema {
    /// The field a column header names: by its name, else by its title (`村名` for `name`),
    /// so a workbook downloaded from the site, headed by titles, can be put back as it is.
    func fieldName(forHeader header: String) -> String {
        if field(named: header) != nil { return header }
        return fields.first { $0.title == header }?.name ?? header
    }
}
