/// A cell's place in a sheet, as the spreadsheet names it: `K5` is row 5, column 11.
struct CellReference: Hashable, Sendable, CustomStringConvertible {
    /// 1-based row.
    var row: Int
    /// 1-based column (A = 1, Z = 26, AA = 27, XFD = 16384).
    var column: Int

    /// The largest row and column SpreadsheetML allows (Excel 2007 and later).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads `K5` or `$K$5`; `nil` for anything else or out of the sheet's bounds.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 7 { return nil }
            default:
                return nil
            }
            if letters > 3 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.maxRow).contains(row), (1...Self.maxColumn).contains(column) else { return nil }
        self.init(row: row, column: column)
    }

    /// `A`, `K`, `AA`.
    static func letters(ofColumn column: Int) -> String {
        var number = column
        var scalars: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.insert(UInt8(ascii: "A") + UInt8(remainder), at: 0)
            number = (number - 1) / 26
        }
        return String(decoding: scalars, as: UTF8.self)
    }

    /// `K5`.
    var description: String { Self.letters(ofColumn: column) + String(row) }
}

/// A rectangle of cells (`A1:M1`), as merged ranges are written.
struct CellRange: Hashable, Sendable, CustomStringConvertible {
    var first: CellReference
    var last: CellReference

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard let first = parts.first.flatMap({ CellReference(String($0)) }) else { return nil }
        let last = parts.count == 2 ? CellReference(String(parts[1])) : first
        guard let last, parts.count <= 2 else { return nil }
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    var description: String { "\(first):\(last)" }
}
