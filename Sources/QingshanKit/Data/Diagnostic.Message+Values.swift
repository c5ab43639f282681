// The message catalogue for cell values: type errors, constraint violations, Excel damage,
// keys and totals. Every message names the field, the value and what was expected.

extension Diagnostic.Message {
    // MARK: Types

    static func valueType(field: String, value: String, expected: String) -> Self {
        .init(id: "value-type", text: "field '\(field)': '\(value)' is not \(expected)")
    }

    static func valueInvalidDate(field: String, value: String) -> Self {
        .init(id: "value-invalid-date", text: "field '\(field)': '\(value)' is not a real calendar date")
    }

    // MARK: Excel damage

    static func excelScientific(field: String, value: String) -> Self {
        .init(
            id: "excel-scientific",
            text: "field '\(field)': '\(value)' is a number Excel shortened to scientific notation; its digits are lost")
    }

    static func excelSerialDate(field: String, value: String, date: String) -> Self {
        .init(
            id: "excel-serial-date",
            text: "field '\(field)': '\(value)' looks like an Excel date serial number (\(date)); expected a date as YYYY-MM-DD")
    }

    static func excelSlashDate(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "excel-slash-date",
            text: "field '\(field)': '\(value)' is a date in Excel's display format; write it as \(suggestion)")
    }

    static func excelErrorValue(field: String, value: String) -> Self {
        .init(
            id: "excel-error-value",
            text: "field '\(field)': '\(value)' is an Excel formula error, not a value; fix the formula and export again")
    }

    static func fullWidthDigits(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "fullwidth-digits",
            text: "field '\(field)': '\(value)' has full-width digits; write \(suggestion)")
    }

    static func fullWidthPercent(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "fullwidth-percent",
            text: "field '\(field)': '\(value)' has a percent sign; write the number \(suggestion) (the unit belongs in the schema)")
    }

    static func thousandsSeparator(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "thousands-separator",
            text: "field '\(field)': '\(value)' has thousands separators; write \(suggestion)")
    }

    static func wrongDateFormat(field: String, value: String, suggestion: String) -> Self {
        .init(id: "date-format", text: "field '\(field)': '\(value)' is not written as YYYY-MM-DD; write \(suggestion)")
    }

    // MARK: Constraints

    static func valueRequired(field: String) -> Self {
        .init(id: "value-required", text: "field '\(field)' is required but the cell is empty")
    }

    static func valueNotUnique(field: String, value: String) -> Self {
        .init(id: "value-not-unique", text: "field '\(field)': '\(value)' appears more than once; values must be unique")
    }

    static func valueNotInEnum(field: String, value: String, allowed: [String]) -> Self {
        .init(
            id: "value-enum",
            text: "field '\(field)': '\(value)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
    }

    static func valueBelowMinimum(field: String, value: String, minimum: String) -> Self {
        .init(id: "value-minimum", text: "field '\(field)': '\(value)' is less than the minimum \(minimum)")
    }

    static func valueAboveMaximum(field: String, value: String, maximum: String) -> Self {
        .init(id: "value-maximum", text: "field '\(field)': '\(value)' is greater than the maximum \(maximum)")
    }

    static func valuePattern(field: String, value: String, pattern: String) -> Self {
        .init(id: "value-pattern", text: "field '\(field)': '\(value)' does not match the pattern \(pattern)")
    }

    // MARK: Keys and totals

    static func primaryKeyDuplicate(fields: [String], value: String) -> Self {
        .init(
            id: "primary-key-duplicate",
            text: "primary key (\(fields.joined(separator: ", "))) '\(value)' appears more than once")
    }

    static func foreignKeyMissing(fields: [String], value: String, resource: String, referenceFields: [String]) -> Self {
        .init(
            id: "foreign-key-missing",
            text: "field '\(fields.joined(separator: ", "))': '\(value)' is not a \(referenceFields.joined(separator: ", ")) in dataset '\(resource)'")
    }

    static func totalMismatch(field: String, stated: String, sum: String) -> Self {
        .init(
            id: "total-mismatch",
            text: "field '\(field)': the stated total \(stated) does not equal the sum of its rows, \(sum)")
    }

    static func totalRowMissing(label: String, field: String) -> Self {
        .init(id: "total-row-missing", text: "the schema declares a total row '\(label)' in field '\(field)' but there is none")
    }
}
