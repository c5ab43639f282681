import Foundation

/// The text a workbook cell gives its field, written as a CSV of the same data would hold
/// it, so typing and checks (`FieldValueParser`) are the same for both.
///
/// - Under a date format, a serial number is its date, `2021-06-25` (see `ExcelDate`).
/// - Under a percent format, `0.63` is `63` for a number field (Qingshan keeps
///   percentages in points, the unit `%` in the schema) and `63%` for a text field.
/// - An integral number for a text field is its digits, `511702001001`, never
///   `5.11702E+11`; past 15 digits Excel has already lost some, so the cell reads as Excel
///   shows it (`5.11702E+15`) and earns the scientific-notation error.
/// - Other numbers keep the 15 significant digits Excel shows (`76.799999999999997`, as
///   Excel stores 76.8, reads `76.8`); booleans are `TRUE`/`FALSE`, errors `#DIV/0!` etc.
struct WorkbookCellText {
    var styles: WorkbookStyles
    var date1904: Bool

    func text(of cell: Worksheet.Cell, type: DataField.FieldType) -> String {
        switch cell.value {
        case .text(let text): return text
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .error(let value): return value
        case .number(let number): return text(of: number, kind: styles.kind(ofStyle: cell.style), type: type)
        }
    }

    private func text(of number: Double, kind: WorkbookStyles.NumberKind, type: DataField.FieldType) -> String {
        let isText = type == .string || type == .any
        switch kind {
        case .date:
            if let (y, m, d) = ExcelDate.date(serial: number, date1904: date1904) { return FieldValueParser.iso(y, m, d) }
        case .percent:
            let points = Self.plain(number * 100)
            return isText ? points + "%" : points
        case .plain:
            break
        }
        if isText, number == number.rounded() {
            guard abs(number) < 1e15 else { return Self.scientific(number) }
            return String(Int64(number))
        }
        return Self.plain(number)
    }

    /// 15 significant digits, written out without an exponent: `76.8`, `0.0000001`.
    static func plain(_ number: Double) -> String {
        // Fast paths first (`String(format:)` is most of a large sheet's cost): whole numbers,
        // then Swift's shortest round-trip text when it already fits in 15 digits.
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let shortest = number.description
        if !shortest.contains("e"), shortest.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) <= 15 { return shortest }
        let text = String(format: "%.15g", number)
        guard text.contains("e"), let decimal = Decimal(string: text, locale: posix) else { return text }
        return decimal.description
    }

    /// As a General cell shows a long number: `5.11702E+15`.
    private static func scientific(_ number: Double) -> String {
        var text = String(format: "%.5E", number)
        // `5.11702E+15`, not `5.11702E+015` or `5.10000E+15`.
        if let e = text.firstIndex(of: "E") {
            var mantissa = String(text[..<e])
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
            text = mantissa + text[e...]
        }
        return text
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
