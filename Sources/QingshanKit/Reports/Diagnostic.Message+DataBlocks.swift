/// The messages of data blocks (fenced `table`, `chart`, `progress`, `timeline`, `stat`
/// blocks in Markdown). Every id starts with `data-block-`.
extension Diagnostic.Message {
    static func dataBlockUnknownView(_ name: String) -> Self {
        .init(id: "data-block-unknown-view", text: "unknown data view `\(name)`")
    }

    static func dataBlockUnknownOption(_ option: String, view: String) -> Self {
        .init(id: "data-block-unknown-option", text: "unknown option `\(option)` for a `\(view)` block")
    }

    static func dataBlockMissingOption(_ option: String, view: String) -> Self {
        .init(id: "data-block-missing-option", text: "a `\(view)` block needs the option `\(option)`")
    }

    static func dataBlockUnknownSource(_ name: String) -> Self {
        .init(id: "data-block-unknown-source", text: "no dataset named `\(name)`")
    }

    static func dataBlockUnknownField(_ field: String, dataset: String) -> Self {
        .init(id: "data-block-unknown-field", text: "dataset `\(dataset)` has no field `\(field)`")
    }

    static func dataBlockUnknownValue(_ value: String, option: String, allowed: [String]) -> Self {
        .init(
            id: "data-block-unknown-value",
            text: "`\(value)` is not a valid `\(option)`; expected one of \(allowed.joined(separator: ", "))")
    }

    static func dataBlockNotNumeric(_ field: String, type: String) -> Self {
        .init(id: "data-block-not-numeric", text: "field `\(field)` is \(type), not a number")
    }

    static func dataBlockNestedField(_ field: String, type: String) -> Self {
        .init(
            id: "data-block-nested-field",
            text: "field `\(field)` holds \(type == "array" ? "lists" : "mappings") (`type: \(type)`); a chart draws single values only: show it with `view: table`",
            zh: "字段 `\(field)` 的值是\(type == "array" ? "列表" : "映射")（`type: \(type)`），图表只能绘制单个数值：请改用 `view: table` 展示")
    }

    static func dataBlockNotDate(_ field: String) -> Self {
        .init(id: "data-block-not-date", text: "field `\(field)` must hold dates (YYYY-MM-DD)")
    }
}
