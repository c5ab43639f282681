import Foundation

extension DatasetLoader {
    /// Reads `NAME.xlsx`: the sheet and header rows its schema's `dialect:` names (default:
    /// the first sheet, header in row 1), typed and checked like a CSV of the same data.
    /// Every message about a cell names it as the spreadsheet does (`村庄名单!K5: …`) and is
    /// positioned at `path:row:column`. A workbook that cannot be opened gives one error
    /// and no dataset.
    static func loadWorkbook(
        _ url: URL, name: String, path: String, schema: TableSchema?, maxFileBytes: Int, limits: WorkbookLimits,
        source: inout StableHash, diagnostics: inout [Diagnostic]
    ) -> (dataset: Dataset, diagnostics: [Diagnostic])? {
        switch readBytes(url, path: path, maxFileBytes: maxFileBytes) {
        case .failure(let failure):
            diagnostics.append(failure.diagnostic)
            return nil
        case .success(let data):
            // The cache key is the workbook's bytes: any save re-reads it.
            source.combine(path)
            source.combine(bytes: data)
            let result = load(name: name, path: path, workbook: data, schema: schema, limits: limits)
            guard let dataset = result.dataset else {
                diagnostics += result.diagnostics
                return nil
            }
            return (dataset, result.diagnostics)
        }
    }

    /// Reads and checks one workbook dataset (foreign keys excepted) from the file's bytes;
    /// no dataset when the workbook cannot be opened.
    static func load(
        name: String, path: String, workbook data: Data, schema: TableSchema?, limits: WorkbookLimits = WorkbookLimits()
    ) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let dialect = schema?.dialect
        if dialect?.property != nil, let dialect {
            diagnostics.append(.warning(.dialectNotForFormat("property", format: "xlsx"), at: dialect.location))
        }
        do throws(WorkbookError) {
            var workbook = try Workbook(data: data, limits: limits)
            guard let sheet = selectSheet(in: workbook, dialect: dialect, diagnostics: &diagnostics) else { return (empty(name, path), diagnostics) }
            if sheet.hidden { diagnostics.append(.warning(.workbookSheetHidden(sheet.name), at: SourceLocation(path: path))) }
            let cells: Worksheet
            do { cells = try workbook.worksheet(sheet) } catch {
                diagnostics.append(error.diagnostic(path: path, sheet: sheet.name))
                return (nil, diagnostics)
            }
            let (table, readDiagnostics) = RawTable.workbook(
                cells, path: path, headerRows: dialect?.headerRows ?? [1], schema: schema,
                cellText: WorkbookCellText(styles: workbook.styles, date1904: workbook.date1904))
            var result = typed(table, diagnostics: readDiagnostics, name: name, path: path, encoding: "UTF-8", schema: schema)
            result.dataset.workbookSheet = sheet.name
            diagnostics += WorkbookCellNames.prefixed(result.diagnostics, path: path, sheet: sheet.name, titles: CellNames.titles(schema))
            return (result.dataset, diagnostics)
        } catch {
            diagnostics.append(error.diagnostic(path: path, sheet: nil))
            return (nil, diagnostics)
        }
    }

    private static func selectSheet(in workbook: Workbook, dialect: TableDialect?, diagnostics: inout [Diagnostic]) -> WorkbookSheets.Sheet? {
        if let name = dialect?.sheetName, let dialect {
            guard let sheet = workbook.sheets.first(where: { $0.name == name }) else {
                diagnostics.append(.error(.workbookSheetNotFound(name, sheets: workbook.sheets.map(\.name)), at: dialect.location))
                return nil
            }
            return sheet
        }
        if let number = dialect?.sheetNumber, let dialect {
            guard number <= workbook.sheets.count else {
                diagnostics.append(.error(.workbookSheetNumber(number, count: workbook.sheets.count), at: dialect.location))
                return nil
            }
            return workbook.sheets[number - 1]
        }
        return workbook.sheets.first
    }

    /// A dataset with no rows, so that pages naming it report the sheet problem, not a missing dataset.
    private static func empty(_ name: String, _ path: String) -> Dataset {
        Dataset(name: name, path: path, fields: [], rows: [])
    }
}

/// Names workbook cells in messages: a diagnostic at `villages.xlsx:5:11` from a sheet
/// `村庄名单` reads `村庄名单!K5: …`, so the editor finds the cell as the spreadsheet shows it.
enum WorkbookCellNames {
    static func prefixed(_ diagnostics: [Diagnostic], path: String, sheet: String, titles: [String: String] = [:]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let location = diagnostic.location, location.path == path, let row = location.line, let column = location.column else {
                return diagnostic
            }
            var named = diagnostic
            let cell = "\(sheet)!\(CellReference(row: row, column: column))"
            named.message = diagnostic.message.naming(cell: cell, titles: titles)
            named.message.text = "\(cell): \(diagnostic.message.text)"
            return named
        }
    }

    /// The same for diagnostics about several datasets (foreign keys).
    static func prefixed(_ diagnostics: [Diagnostic], datasets: [String: Dataset]) -> [Diagnostic] {
        var sheets: [String: Dataset] = [:]
        for dataset in datasets.values where dataset.workbookSheet != nil { sheets[dataset.path] = dataset }
        guard !sheets.isEmpty else { return diagnostics }
        return diagnostics.flatMap { diagnostic in
            guard let path = diagnostic.location?.path, let dataset = sheets[path], let sheet = dataset.workbookSheet else { return [diagnostic] }
            return prefixed([diagnostic], path: path, sheet: sheet, titles: CellNames.titles(dataset.schema))
        }
    }
}
