/// The cells of one sheet as stored, before any header is found: what `WorksheetReader`
/// reads and `RawTable.workbook` turns into a table.
struct Worksheet {
    enum Value: Equatable {
        case text(String)
        /// A number, with the text it was stored as (`511702001001`, `76.799999999999997`).
        case number(Double)
        case boolean(Bool)
        /// An error value (`#DIV/0!`, `#N/A`): a formula's cached result, or typed in.
        case error(String)
    }

    struct Cell {
        var column: Int
        var value: Value
        /// Index of the cell's style in `cellXfs`; it decides dates and percentages.
        var style: Int?
    }

    struct Row {
        /// 1-based, as the spreadsheet numbers it.
        var number: Int
        var hidden: Bool
        /// Cells holding a value, in column order; empty (or only formatted) cells are left out.
        var cells: [Cell]
    }

    /// Rows holding at least one value, in order.
    var rows: [Row] = []
    var merged: [CellRange] = []
    /// Hidden columns, as `<col min= max= hidden="1">` ranges.
    var hiddenColumns: [ClosedRange<Int>] = []
}
