/// Names a data cell in Chinese messages as the editor sees it in Excel or WPS: the cell
/// (`F4`, or `村庄名单!F4` in a workbook) and the column's title from the schema
/// (`生活污水治理`) instead of its field name (`sewage`).
///
/// The position stays `path:line:column` (UTF-8 bytes) for tools; only the Chinese text
/// changes. A value message's Chinese text starts with `字段“NAME”：` (see
/// `Diagnostic.Message+Values.swift`), which becomes `F4（生活污水治理）：`.
enum CellNames {
    /// Each cell of a CSV table by its position: column letter by the header's order, row
    /// by the record's first line (the row Excel shows, unless a cell above holds a line
    /// break); header cells are row 1.
    static func csvCells(_ table: RawTable) -> [SourceLocation: String] {
        var cells: [SourceLocation: String] = [:]
        for (index, column) in table.columns.enumerated() {
            let letters = CellReference.letters(ofColumn: index + 1)
            if let header = table.columnLocations[column] { cells[header] = letters + "1" }
            for row in table.rows {
                guard let cell = row.cells[column], let line = row.location.line else { continue }
                cells[cell.location] = letters + String(line)
            }
        }
        return cells
    }

    /// Field name → title, for the schema's fields that have a title.
    static func titles(_ schema: TableSchema?) -> [String: String] {
        var titles: [String: String] = [:]
        for field in schema?.fields ?? [] { if let title = field.title, !title.isEmpty { titles[field.name] = title } }
        return titles
    }

    /// The diagnostics of `path` with their Chinese text naming the cell and the title.
    static func named(_ diagnostics: [Diagnostic], path: String, cells: [SourceLocation: String], titles: [String: String]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let location = diagnostic.location, location.path == path else { return diagnostic }
            var named = diagnostic
            named.message = diagnostic.message.naming(cell: cells[location], titles: titles)
            return named
        }
    }

    /// Diagnostics about several datasets (foreign keys) with the columns' titles; workbook
    /// cells are left to `WorkbookCellNames`, which also names the cell.
    static func titled(_ diagnostics: [Diagnostic], datasets: [String: Dataset]) -> [Diagnostic] {
        var byPath: [String: Dataset] = [:]
        for dataset in datasets.values where dataset.workbookSheet == nil { byPath[dataset.path] = dataset }
        return diagnostics.map { diagnostic in
            guard let location = diagnostic.location, let dataset = byPath[location.path] else { return diagnostic }
            var named = diagnostic
            named.message = diagnostic.message.naming(cell: cell(at: location, in: dataset), titles: titles(dataset.schema))
            return named
        }
    }

    /// The cell of a CSV dataset at `location` (`F4`), found among the cells of the rows
    /// that start on its line (a cell after a line break inside a quoted cell is not named).
    static func cell(at location: SourceLocation, in dataset: Dataset) -> String? {
        guard !dataset.fileColumns.isEmpty else { return nil }
        for row in dataset.rows where row.location.line == location.line {
            guard let field = row.cellLocations.first(where: { $0.value == location })?.key,
                let index = dataset.fileColumns.firstIndex(of: field), let line = row.location.line
            else { continue }
            return CellReference.letters(ofColumn: index + 1) + String(line)
        }
        return nil
    }

    /// A CSV, YAML or JSON dataset's diagnostics, named (cells only for a CSV, which has a
    /// header); the map of cells is made only when there is something to name.
    static func named(_ diagnostics: [Diagnostic], table: RawTable, path: String, schema: TableSchema?) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.location?.path == path && $0.location?.line != nil }) else { return diagnostics }
        return named(diagnostics, path: path, cells: table.hasHeader ? csvCells(table) : [:], titles: titles(schema))
    }
}

extension Diagnostic.Message {
    /// The Chinese text with `字段“NAME”` replaced by the cell and the column's title; the
    /// English text and the id are unchanged.
    func naming(cell: String?, titles: [String: String]) -> Self {
        guard let zh else { return self }
        var copy = self
        let open = "字段“"
        if let start = zh.range(of: open), let close = zh.range(of: "”", range: start.upperBound..<zh.endIndex) {
            let field = String(zh[start.upperBound..<close.lowerBound])
            let title = titles[field] ?? field
            let rest = String(zh[close.upperBound...])
            if start.lowerBound == zh.startIndex, rest.hasPrefix("：") {
                let place = cell.map { "\($0)（\(title)）" } ?? "“\(title)”"
                copy.zh = place + rest
            } else {
                let renamed = String(zh[..<start.lowerBound]) + "“\(title)”列" + rest
                copy.zh = cell.map { "\($0)：" + renamed } ?? renamed
            }
        } else if let cell {
            copy.zh = "\(cell)：\(zh)"
        }
        return copy
    }
}
