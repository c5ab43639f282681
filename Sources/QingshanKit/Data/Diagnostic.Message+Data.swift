// The message catalogue for datasets and Table Schemas: every message a data file can
// earn, by name, so tests and `--format json` refer to stable ids.

extension Diagnostic.Message {
    // MARK: Reading and decoding

    static func dataUnreadable(_ reason: String) -> Self {
        .init(id: "data-unreadable", text: "cannot read the data file: \(reason)")
    }

    static func dataInvalidEncoding(byte: UInt8) -> Self {
        .init(
            id: "data-invalid-encoding",
            text: "the file is neither valid UTF-8 nor valid GB18030: byte 0x\(hex(byte)) cannot be decoded")
    }

    static func dataDeclaredEncodingFailed(encoding: String, byte: UInt8) -> Self {
        .init(
            id: "data-declared-encoding-failed",
            text: "the file is declared as \(encoding) but byte 0x\(hex(byte)) is not valid \(encoding)")
    }

    static func dataSubstitutedCharacter(count: Int) -> Self {
        let marks = String(repeating: "?", count: count)
        return .init(
            id: "data-substituted-character",
            text: "'\(marks)' in a GBK file: most likely \(count == 1 ? "a character" : "characters") Excel or WPS could not save in GBK "
                + "and replaced; type \(count == 1 ? "it" : "them") again and save as \"CSV UTF-8\" (a real question mark in Chinese text is the full-width '？')",
            zh: "GBK 编码的文件中出现“\(marks)”：多半是 Excel 或 WPS 以 GBK 保存时无法保存的字符被替换成了问号；请重新输入原字符，"
                + "另存为“CSV UTF-8（逗号分隔）”。中文里的问号应为全角“？”")
    }

    static func dataUnknownEncoding(_ name: String) -> Self {
        .init(
            id: "data-unknown-encoding",
            text: "unknown encoding '\(name)'; expected utf-8, gb18030 (or gbk), utf-16le or utf-16be")
    }

    static func dataDuplicateName(_ name: String) -> Self {
        .init(id: "data-duplicate-name", text: "two data files are both named '\(name)'; dataset names must be unique")
    }

    static func schemaWithoutData(_ name: String) -> Self {
        .init(id: "schema-without-data", text: "schema for '\(name)' has no data file beside it")
    }

    // MARK: CSV

    static let csvEmpty = Self(id: "csv-empty", text: "the CSV file has no header row")

    static let csvUnterminatedQuote = Self(
        id: "csv-unterminated-quote", text: "quoted cell is never closed: a `\"` is missing")

    static let csvTextAfterQuote = Self(
        id: "csv-text-after-quote", text: "text after the closing quote of a cell; write a quote inside a cell as `\"\"`")

    static func csvRaggedRow(expected: Int, found: Int) -> Self {
        .init(id: "csv-ragged-row", text: "row has \(found) cells but the header has \(expected)")
    }

    static func csvHeaderWhitespace(_ name: String) -> Self {
        .init(id: "csv-header-whitespace", text: "column name '\(name)' has spaces around it (full-width or ASCII); they are ignored")
    }

    static let csvHeaderFullWidthComma = Self(
        id: "csv-header-fullwidth-comma",
        text: "the header contains a full-width comma `，`; CSV columns are separated by an ASCII comma `,`")

    static func csvHeaderEmpty(column: Int) -> Self {
        .init(id: "csv-header-empty", text: "column \(column) has no name in the header row")
    }

    static func csvHeaderDuplicate(_ name: String) -> Self {
        .init(id: "csv-header-duplicate", text: "column '\(name)' appears twice in the header row")
    }

    // MARK: YAML and JSON datasets

    static let yamlNotAList = Self(
        id: "yaml-not-a-list", text: "a dataset must be a list of records (`- field: value` in YAML, `[{...}]` in JSON)")

    static let yamlRowNotRecord = Self(
        id: "yaml-row-not-record", text: "each item of a dataset must be a record of `field: value` pairs")

    static func yamlValueNotScalar(field: String) -> Self {
        .init(
            id: "yaml-value-not-scalar",
            text: "field '\(field)' holds a list or record; expected a single value (or declare `type: array` or `type: object` for it in the schema)",
            zh: "字段“\(field)”的值是列表或映射，应为单个值（若确为列表或映射，请在数据说明文件中为其声明 `type: array` 或 `type: object`）")
    }

    static func yamlRecordsUnderKey(keys: [String], schema: String) -> Self {
        let first = keys.first ?? "records"
        return .init(
            id: "yaml-records-under-key",
            text: "the file is a mapping, not a list of records; its records are under \(keys.map { "`\($0)`" }.joined(separator: " or ")): add `dialect: {property: \(first)}` to \(schema)",
            zh: "该文件是映射而不是记录列表；记录位于 \(keys.map { "`\($0)`" }.joined(separator: " 或 ")) 之下：请在 \(schema) 中加入一行 `dialect: {property: \(first)}`")
    }

    static func yamlPropertyMissing(_ property: String, keys: [String]) -> Self {
        .init(
            id: "yaml-property-missing",
            text: "`dialect: property: \(property)` but the file has no list of records under '\(property)'; its top-level keys are \(keys.joined(separator: ", "))",
            zh: "`dialect: property: \(property)`，但文件中“\(property)”下没有记录列表；顶层键为 \(keys.joined(separator: "、"))")
    }

    static func valueNotNested(field: String, expected: String) -> Self {
        .init(
            id: "value-not-nested",
            text: "field '\(field)' is declared as \(expected == "array" ? "a list (`type: array`)" : "a mapping (`type: object`)") but holds \(expected == "array" ? "no list" : "no mapping")",
            zh: "字段“\(field)”声明为\(expected == "array" ? "列表（`type: array`）" : "映射（`type: object`）")，但其值不是\(expected == "array" ? "列表" : "映射")")
    }

    // MARK: Schemas

    static func schemaInvalid(_ problem: String) -> Self {
        .init(id: "schema-invalid", text: "invalid Table Schema: \(problem)")
    }

    static func schemaUnknownType(_ type: String) -> Self {
        .init(
            id: "schema-unknown-type",
            text: "unknown field type '\(type)'; expected string, integer, number, date, boolean, array, object or any")
    }

    static func schemaUnknownField(_ name: String, in key: String) -> Self {
        .init(id: "schema-unknown-field", text: "`\(key)` names field '\(name)', which the schema does not declare")
    }

    static func schemaFieldMissing(_ name: String) -> Self {
        .init(id: "schema-field-missing", text: "the schema declares field '\(name)' but the data has no such column")
    }

    static func dataFieldNotInSchema(_ name: String) -> Self {
        .init(id: "data-field-not-in-schema", text: "column '\(name)' is not declared in the schema; it is read as text")
    }

    static func schemaUnknownResource(_ name: String) -> Self {
        .init(id: "schema-unknown-resource", text: "foreign key refers to dataset '\(name)', which does not exist")
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
