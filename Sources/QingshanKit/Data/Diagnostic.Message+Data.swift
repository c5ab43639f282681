// The message catalogue for datasets and Table Schemas: every message a data file can
// earn, by name, so tests and `--format json` refer to stable ids.

extension Diagnostic.Message {
    // MARK: Reading and decoding

    static func dataUnreadable(_ reason: String) -> Self {
        .init(id: "data-unreadable", text: "cannot read the data file: \(reason)", zh: "无法读取数据文件：\(reason)")
    }

    static func dataInvalidEncoding(byte: UInt8) -> Self {
        .init(
            id: "data-invalid-encoding",
            text: "the file is neither valid UTF-8 nor valid GB18030: byte 0x\(hex(byte)) cannot be decoded",
            zh: "文件既不是有效的 UTF-8，也不是有效的 GB18030 编码（字节 0x\(hex(byte)) 无法识别）；请在 Excel/WPS 中“另存为”“CSV UTF-8”")
    }

    static func dataDeclaredEncodingFailed(encoding: String, byte: UInt8) -> Self {
        .init(
            id: "data-declared-encoding-failed",
            text: "the file is declared as \(encoding) but byte 0x\(hex(byte)) is not valid \(encoding)",
            zh: "数据说明文件声明编码为 \(encoding)，但字节 0x\(hex(byte)) 不是有效的 \(encoding)；请检查 encoding 一项，或删除它让程序自动识别")
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
            text: "unknown encoding '\(name)'; expected utf-8, gb18030 (or gbk), utf-16le or utf-16be",
            zh: "无法识别的编码“\(name)”；请写 utf-8、gb18030（或 gbk）、utf-16le 或 utf-16be")
    }

    static func dataDuplicateName(_ name: String) -> Self {
        .init(
            id: "data-duplicate-name", text: "two data files are both named '\(name)'; dataset names must be unique",
            zh: "有两个数据文件都叫“\(name)”（扩展名不同）；请删除或改名其中一个")
    }

    static func schemaWithoutData(_ name: String) -> Self {
        .init(id: "schema-without-data", text: "schema for '\(name)' has no data file beside it", zh: "数据说明文件“\(name)”旁边没有同名的数据文件")
    }

    // MARK: CSV

    static let csvEmpty = Self(id: "csv-empty", text: "the CSV file has no header row", zh: "CSV 文件没有标题行；第一行应为各列的名称")

    static let csvUnterminatedQuote = Self(
        id: "csv-unterminated-quote", text: "quoted cell is never closed: a `\"` is missing",
        zh: "以引号开头的单元格没有结束：缺少一个英文双引号 `\"`")

    static let csvTextAfterQuote = Self(
        id: "csv-text-after-quote", text: "text after the closing quote of a cell; write a quote inside a cell as `\"\"`",
        zh: "单元格的结束引号之后还有文字；单元格中的英文双引号要写成两个 `\"\"`")

    static func csvRaggedRow(expected: Int, found: Int) -> Self {
        .init(
            id: "csv-ragged-row", text: "row has \(found) cells but the header has \(expected)",
            zh: "这一行有 \(found) 个单元格，标题行却有 \(expected) 个；是否多了或少了逗号？")
    }

    static func csvHeaderWhitespace(_ name: String) -> Self {
        .init(
            id: "csv-header-whitespace", text: "column name '\(name)' has spaces around it (full-width or ASCII); they are ignored",
            zh: "列名“\(name)”前后有空格（全角或半角），已忽略；请删除空格")
    }

    static let csvHeaderFullWidthComma = Self(
        id: "csv-header-fullwidth-comma",
        text: "the header contains a full-width comma `，`; CSV columns are separated by an ASCII comma `,`",
        zh: "标题行中有全角逗号“，”；CSV 的各列用英文逗号“,”分隔")

    static func csvHeaderEmpty(column: Int) -> Self {
        .init(id: "csv-header-empty", text: "column \(column) has no name in the header row", zh: "第 \(column) 列在标题行中没有名称；请填写列名或删除该列")
    }

    static func csvHeaderDuplicate(_ name: String) -> Self {
        .init(id: "csv-header-duplicate", text: "column '\(name)' appears twice in the header row", zh: "标题行中列名“\(name)”出现了两次；请改名其中一个")
    }

    // MARK: YAML and JSON datasets

    static let yamlNotAList = Self(
        id: "yaml-not-a-list", text: "a dataset must be a list of records (`- field: value` in YAML, `[{...}]` in JSON)",
        zh: "数据表应为记录列表（YAML 中每条记录以“- 字段: 值”开头，JSON 中写成 `[{...}]`）")

    static let yamlRowNotRecord = Self(
        id: "yaml-row-not-record", text: "each item of a dataset must be a record of `field: value` pairs",
        zh: "数据表的每一项都应是由“字段: 值”组成的记录")

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
        .init(id: "schema-invalid", text: "invalid Table Schema: \(problem)", zh: "数据说明文件有误：\(problem)")
    }

    static func schemaUnknownType(_ type: String) -> Self {
        .init(
            id: "schema-unknown-type",
            text: "unknown field type '\(type)'; expected string, integer, number, date, boolean, array, object or any",
            zh: "无法识别的字段类型“\(type)”；请写 string（文本）、integer（整数）、number（数值）、date（日期）、boolean（是/否）、array、object 或 any")
    }

    static func schemaUnknownField(_ name: String, in key: String) -> Self {
        .init(
            id: "schema-unknown-field", text: "`\(key)` names field '\(name)', which the schema does not declare",
            zh: "`\(key)` 中的字段“\(name)”没有在数据说明文件的 fields 中声明")
    }

    static func schemaFieldMissing(_ name: String) -> Self {
        .init(
            id: "schema-field-missing", text: "the schema declares field '\(name)' but the data has no such column",
            zh: "数据说明文件声明了字段“\(name)”，但数据表中没有这一列；请检查标题行")
    }

    static func dataFieldNotInSchema(_ name: String) -> Self {
        .init(
            id: "data-field-not-in-schema", text: "column '\(name)' is not declared in the schema; it is read as text",
            zh: "“\(name)”列没有在数据说明文件中声明，按文本读取")
    }

    static func schemaUnknownResource(_ name: String) -> Self {
        .init(
            id: "schema-unknown-resource", text: "foreign key refers to dataset '\(name)', which does not exist",
            zh: "foreignKeys 引用的数据表“\(name)”不存在")
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
