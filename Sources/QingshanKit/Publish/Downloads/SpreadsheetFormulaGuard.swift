/// Text a spreadsheet would take for a formula when the cell is typed or imported from
/// CSV (OWASP, "CSV Injection"): it starts with `=`, `+`, `@`, a tab or a carriage
/// return, or with `-` not followed by a digit (so `-3` and `-0.5` stay plain text).
enum SpreadsheetFormulaGuard {
    static func startsFormula(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "-"):
            guard let next = bytes.next() else { return true }
            return !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next)
        default: return false
        }
    }

    /// Every text cell of `dataset` that starts a formula, with where it is in the source.
    static func findings(in dataset: Dataset) -> [(field: String, location: SourceLocation)] {
        var found: [(field: String, location: SourceLocation)] = []
        for row in dataset.rows {
            for field in dataset.fields {
                if case .string(let text) = row[field.name], startsFormula(text) {
                    found.append((field.name, row.location(of: field.name)))
                }
            }
        }
        return found
    }
}
