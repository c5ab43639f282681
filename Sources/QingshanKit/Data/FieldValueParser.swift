import Foundation

/// Turns a cell's text into a typed value, by the field's declared type and never by
/// guessing: `0510` in a string field stays `"0510"`, `no` stays `"no"`.
///
/// Text that Excel or WPS damaged gets a message naming the damage (`5.10E+11`, `44287`
/// as a date, `2021/4/1`, `#N/A`, full-width digits, `％`, thousands separators) rather than
/// a generic type error. Numbers are written plainly (`-12.5`) and parse into `Decimal`.
enum FieldValueParser {
    /// An empty cell is `.null`; required-ness is checked elsewhere.
    static func parse(_ raw: String, as type: DataField.FieldType, field: String) -> Result<DataValue, CellProblem> {
        if raw.isEmpty { return .success(.null) }
        // Only cells that start with `#` can be Excel errors; skip the trimming for the rest.
        if raw.utf8.first == UInt8(ascii: "#") || raw.utf8.first == UInt8(ascii: " "),
            let excelError = excelErrors.first(where: { raw.trimmingCharacters(in: .whitespaces) == $0 })
        {
            return .failure(CellProblem(.excelErrorValue(field: field, value: excelError)))
        }
        switch type {
        case .string, .any:
            if isScientific(raw) { return .failure(CellProblem(.excelScientific(field: field, value: raw), notes: scientificNotes)) }
            return .success(.string(raw))
        case .integer, .number:
            let text = trimmed(raw)
            if text.isEmpty { return .success(.null) }
            if let problem = numericDamage(text, field: field) { return .failure(problem) }
            guard isPlainNumber(text, allowFraction: type == .number) else {
                return .failure(CellProblem(.valueType(field: field, value: raw, expected: type == .integer ? "a whole number" : "a number")))
            }
            if type == .integer {
                guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
                    return .failure(CellProblem(.valueType(field: field, value: raw, expected: "a whole number in range")))
                }
                return .success(.integer(value))
            }
            guard let value = Decimal(string: text, locale: posix) else {
                return .failure(CellProblem(.valueType(field: field, value: raw, expected: "a number")))
            }
            return .success(.number(value))
        case .date:
            let text = trimmed(raw)
            if text.isEmpty { return .success(.null) }
            return parseDate(text, field: field)
        case .array, .object:
            // A CSV or workbook cell is text: lists and mappings come from YAML and JSON.
            return .failure(CellProblem(.valueNotNested(field: field, expected: type.rawValue)))
        case .boolean:
            switch trimmed(raw) {
            case "true", "True", "TRUE", "1", "是": return .success(.boolean(true))
            case "false", "False", "FALSE", "0", "否": return .success(.boolean(false))
            case "": return .success(.null)
            default: return .failure(CellProblem(.valueType(field: field, value: raw, expected: "true or false (是/否)")))
            }
        }
    }

    /// `raw` without the white space around it (`.whitespaces`: tabs and Unicode spaces,
    /// U+3000 included), as `raw` itself when it starts and ends with a visible ASCII byte:
    /// Foundation's trimming took 7,500 instructions a cell.
    static func trimmed(_ raw: String) -> String {
        if let first = raw.utf8.first, let last = raw.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return raw
        }
        return raw.trimmingCharacters(in: .whitespaces)
    }

    /// Decimal points are always `.`, whatever the machine's locale.
    private static let posix = Locale(identifier: "en_US_POSIX")

    static let excelErrors = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]

    private static let scientificNotes = [
        "format the column as Text in Excel (or start the cell with an apostrophe) and enter the full code again"
    ]

    // MARK: Numbers

    /// `[+-]digits[.digits]`, scanned over bytes (no regular expressions in the hot path).
    static func isPlainNumber(_ text: String, allowFraction: Bool) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = 0
        var dots = 0
        var fractionDigits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if dots == 1 { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && allowFraction && dots == 0 {
                dots = 1
            } else {
                return false
            }
        }
        return digits > 0 && (dots == 0 || fractionDigits > 0)
    }

    /// `5.10E+11`, `1E10`: what Excel shows (and saves) for a long number in a General cell.
    static func isScientific(_ text: String) -> Bool {
        // Most cells have no E at all: splitting every number cell twice was most of typing them.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
        let parts = text.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false)
        let alt = parts.count == 2 ? parts : text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        guard alt.count == 2 else { return false }
        var exponent = alt[1][...]
        if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
        return isPlainNumber(String(alt[0]), allowFraction: true) && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigitCharacter)
    }

    private static func numericDamage(_ text: String, field: String) -> CellProblem? {
        // A plain number has none of the damage below (most cells: 10,000 instructions saved each).
        if isPlainNumber(text, allowFraction: true) { return nil }
        if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0 == "．" || $0 == "－" }) {
            let ascii = halfWidth(text)
            return CellProblem(.fullWidthDigits(field: field, value: text, suggestion: ascii))
        }
        if text.hasSuffix("％") || text.hasSuffix("%") {
            let number = halfWidth(String(text.dropLast())).trimmingCharacters(in: .whitespaces)
            return CellProblem(.fullWidthPercent(field: field, value: text, suggestion: number))
        }
        if isScientific(text) {
            return CellProblem(.excelScientific(field: field, value: text), notes: scientificNotes)
        }
        if text.contains(",") || text.contains("，") {
            let stripped = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            if isPlainNumber(stripped, allowFraction: true) {
                return CellProblem(.thousandsSeparator(field: field, value: text, suggestion: stripped))
            }
        }
        return nil
    }

    /// Full-width digits and signs to ASCII (U+FF10… are U+0030… shifted by 0xFEE0).
    static func halfWidth(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
                }))
    }

    // MARK: Dates

    private static func parseDate(_ text: String, field: String) -> Result<DataValue, CellProblem> {
        let halfWidthText = text.utf8.allSatisfy { $0 < 0x80 } ? text : halfWidth(text)
        if halfWidthText != text {
            return .failure(CellProblem(.fullWidthDigits(field: field, value: text, suggestion: halfWidthText)))
        }
        let bytes = Array(text.utf8)
        // YYYY-MM-DD exactly.
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = Int(text.prefix(4)), let m = Int(text.dropFirst(5).prefix(2)), let d = Int(text.suffix(2)),
            isDigits(bytes[0..<4]), isDigits(bytes[5..<7]), isDigits(bytes[8..<10])
        {
            guard isValidDate(y, m, d) else { return .failure(CellProblem(.valueInvalidDate(field: field, value: text))) }
            return .success(.date(year: y, month: m, day: d))
        }
        // Excel's serial numbers: days since 1899-12-30 (for serials after 1900-02-28).
        if bytes.count <= 6, isDigits(bytes[...]), let serial = Int(text), serial >= 61 {
            let (y, m, d) = civil(fromDays: serial - 25_569)
            return .failure(CellProblem(.excelSerialDate(field: field, value: text, date: iso(y, m, d))))
        }
        for separators in [["/", "/"], ["-", "-"], [".", "."], ["年", "月"]] {
            let cleaned = separators == ["年", "月"] && text.hasSuffix("日") ? String(text.dropLast()) : text
            let parts = cleaned.components(separatedBy: separators[0])
            let rest = parts.count == 2 ? parts[1].components(separatedBy: separators[1]) : []
            guard parts.count == 2 || (separators[0] == separators[1] && parts.count == 3) else { continue }
            let pieces = separators[0] == separators[1] ? parts : [parts[0]] + rest
            guard pieces.count == 3, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]),
                pieces[0].count == 4, isValidDate(y, m, d)
            else { continue }
            if separators[0] == "/" {
                return .failure(CellProblem(.excelSlashDate(field: field, value: text, suggestion: iso(y, m, d))))
            }
            return .failure(CellProblem(.wrongDateFormat(field: field, value: text, suggestion: iso(y, m, d))))
        }
        return .failure(CellProblem(.valueType(field: field, value: text, expected: "a date (YYYY-MM-DD)")))
    }

    static func isValidDate(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...9999).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        DataValue.date(year: y, month: m, day: d).description
    }

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 to a proleptic Gregorian date.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func isDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// A cell that could not be typed: the message, and hints for the notes.
struct CellProblem: Error, Sendable, Hashable {
    var message: Diagnostic.Message
    var notes: [String]

    init(_ message: Diagnostic.Message, notes: [String] = []) {
        self.message = message
        self.notes = notes
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
