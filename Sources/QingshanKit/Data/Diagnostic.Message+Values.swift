// The message catalogue for cell values: type errors, constraint violations, Excel damage,
// keys and totals. Every message names the field, the value and what was expected.
//
// The Chinese text of a cell's message starts with `字段“NAME”：` so that `CellNames` can
// replace it with the cell as the spreadsheet shows it and the column's title
// (`F4（生活污水治理）：`).

extension Diagnostic.Message {
    // MARK: Types

    static func valueType(field: String, value: String, expected: String) -> Self {
        .init(
            id: "value-type", text: "field '\(field)': '\(value)' is not \(expected)",
            zh: "字段“\(field)”：“\(value)”不是\(zhPhrase(expected))；请改为\(zhPhrase(expected))")
    }

    static func valueInvalidDate(field: String, value: String) -> Self {
        .init(
            id: "value-invalid-date", text: "field '\(field)': '\(value)' is not a real calendar date",
            zh: "字段“\(field)”：日历上没有“\(value)”这一天；请检查月和日")
    }

    // MARK: Excel damage

    static func excelScientific(field: String, value: String) -> Self {
        .init(
            id: "excel-scientific",
            text: "field '\(field)': '\(value)' is a number Excel shortened to scientific notation; its digits are lost",
            zh: "字段“\(field)”：“\(value)”是被 Excel 缩写成科学计数法的数字，后面的位数已经丢失；请把该列设为“文本”格式，重新输入完整数字后再导出")
    }

    static func excelSerialDate(field: String, value: String, date: String) -> Self {
        .init(
            id: "excel-serial-date",
            text: "field '\(field)': '\(value)' looks like an Excel date serial number (\(date)); expected a date as YYYY-MM-DD",
            zh: "字段“\(field)”：“\(value)”像是 Excel 的日期序号（即 \(date)）；请改为 \(date) 这样的日期")
    }

    static func excelSlashDate(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "excel-slash-date",
            text: "field '\(field)': '\(value)' is a date in Excel's display format; write it as \(suggestion)",
            zh: "字段“\(field)”：“\(value)”是 Excel 显示的日期格式；请改为 \(suggestion)")
    }

    static func excelErrorValue(field: String, value: String) -> Self {
        .init(
            id: "excel-error-value",
            text: "field '\(field)': '\(value)' is an Excel formula error, not a value; fix the formula and export again",
            zh: "字段“\(field)”：“\(value)”是 Excel 公式出错的结果，不是数值；请修正公式后重新导出")
    }

    static func fullWidthDigits(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "fullwidth-digits",
            text: "field '\(field)': '\(value)' has full-width digits; write \(suggestion)",
            zh: "字段“\(field)”：“\(value)”中有全角数字；请改为半角的 \(suggestion)")
    }

    static func fullWidthPercent(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "fullwidth-percent",
            text: "field '\(field)': '\(value)' has a percent sign; write the number \(suggestion) (the unit belongs in the schema)",
            zh: "字段“\(field)”：“\(value)”带有百分号；请只写数字 \(suggestion)（单位写在数据说明文件中）")
    }

    static func thousandsSeparator(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "thousands-separator",
            text: "field '\(field)': '\(value)' has thousands separators; write \(suggestion)",
            zh: "字段“\(field)”：“\(value)”带有千位分隔符；请改为 \(suggestion)")
    }

    static func wrongDateFormat(field: String, value: String, suggestion: String) -> Self {
        .init(
            id: "date-format", text: "field '\(field)': '\(value)' is not written as YYYY-MM-DD; write \(suggestion)",
            zh: "字段“\(field)”：日期“\(value)”的写法不对；请改为 \(suggestion)")
    }

    // MARK: Constraints

    static func valueRequired(field: String) -> Self {
        .init(
            id: "value-required", text: "field '\(field)' is required but the cell is empty",
            zh: "字段“\(field)”：此项必填，单元格却是空的；请填写")
    }

    static func valueNotUnique(field: String, value: String) -> Self {
        .init(
            id: "value-not-unique", text: "field '\(field)': '\(value)' appears more than once; values must be unique",
            zh: "字段“\(field)”：“\(value)”出现了不止一次，此列的值不能重复；请删除重复的行或改正数值")
    }

    static func valueNotInEnum(field: String, value: String, allowed: [String]) -> Self {
        .init(
            id: "value-enum",
            text: "field '\(field)': '\(value)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))",
            zh: "字段“\(field)”：“\(value)”不是允许的值。请改为：\(allowed.joined(separator: "、"))之一")
    }

    static func valueBelowMinimum(field: String, value: String, minimum: String) -> Self {
        .init(
            id: "value-minimum", text: "field '\(field)': '\(value)' is less than the minimum \(minimum)",
            zh: "字段“\(field)”：“\(value)”小于最小值 \(minimum)；请改为不小于 \(minimum) 的值")
    }

    static func valueAboveMaximum(field: String, value: String, maximum: String) -> Self {
        .init(
            id: "value-maximum", text: "field '\(field)': '\(value)' is greater than the maximum \(maximum)",
            zh: "字段“\(field)”：“\(value)”大于最大值 \(maximum)；请改为不大于 \(maximum) 的值")
    }

    static func valuePattern(field: String, value: String, pattern: String) -> Self {
        .init(
            id: "value-pattern", text: "field '\(field)': '\(value)' does not match the pattern \(pattern)",
            zh: "字段“\(field)”：“\(value)”的格式不对（应符合 \(pattern)）；请对照数据说明文件中该列的说明改正")
    }

    // MARK: Keys and totals

    static func primaryKeyDuplicate(fields: [String], value: String) -> Self {
        .init(
            id: "primary-key-duplicate",
            text: "primary key (\(fields.joined(separator: ", "))) '\(value)' appears more than once",
            zh: "编号（\(fields.joined(separator: "、"))）“\(value)”出现了不止一次；每一行的编号必须不同")
    }

    static func foreignKeyMissing(fields: [String], value: String, resource: String, referenceFields: [String]) -> Self {
        .init(
            id: "foreign-key-missing",
            text: "field '\(fields.joined(separator: ", "))': '\(value)' is not a \(referenceFields.joined(separator: ", ")) in dataset '\(resource)'",
            zh: "字段“\(fields.joined(separator: "、"))”：“\(value)”在数据表“\(resource)”的 \(referenceFields.joined(separator: "、")) 中找不到；请检查是否有错字，或先在“\(resource)”中添加它")
    }

    static func totalMismatch(field: String, stated: String, sum: String) -> Self {
        .init(
            id: "total-mismatch",
            text: "field '\(field)': the stated total \(stated) does not equal the sum of its rows, \(sum)",
            zh: "字段“\(field)”：合计行写的是 \(stated)，但各行相加为 \(sum)；请核对")
    }

    static func totalRowMissing(label: String, field: String) -> Self {
        .init(
            id: "total-row-missing", text: "the schema declares a total row '\(label)' in field '\(field)' but there is none",
            zh: "数据说明文件声明“\(field)”列中有合计行“\(label)”，但表中没有这一行")
    }
}
