/// The messages of data blocks (fenced `table`, `chart`, `progress`, `timeline`, `stat`
/// blocks in Markdown). Every id starts with `data-block-`.
extension Diagnostic.Message {
    static func dataBlockUnknownView(_ name: String) -> Self {
        .init(id: "data-block-unknown-view", text: "unknown data view `\(name)`", zh: "没有名为 `\(name)` 的数据视图")
    }

    static func dataBlockUnknownOption(_ option: String, view: String) -> Self {
        .init(id: "data-block-unknown-option", text: "unknown option `\(option)` for a `\(view)` block", zh: "`\(view)` 数据块没有选项 `\(option)`（是否拼错了？）")
    }

    static func dataBlockMissingOption(_ option: String, view: String) -> Self {
        .init(id: "data-block-missing-option", text: "a `\(view)` block needs the option `\(option)`", zh: "`\(view)` 数据块必须写选项 `\(option)`")
    }

    static func dataBlockUnknownSource(_ name: String) -> Self {
        .init(id: "data-block-unknown-source", text: "no dataset named `\(name)`", zh: "content/data 中没有名为 `\(name)` 的数据表")
    }

    static func dataBlockUnknownField(_ field: String, dataset: String) -> Self {
        .init(id: "data-block-unknown-field", text: "dataset `\(dataset)` has no field `\(field)`", zh: "数据表 `\(dataset)` 中没有字段 `\(field)`")
    }

    static func dataBlockUnknownValue(_ value: String, option: String, allowed: [String]) -> Self {
        .init(
            id: "data-block-unknown-value",
            text: "`\(value)` is not a valid `\(option)`; expected one of \(allowed.joined(separator: ", "))",
            zh: "`\(option)` 不能是 `\(value)`；请改为：\(allowed.joined(separator: "、"))之一")
    }

    static func dataBlockNotNumeric(_ field: String, type: String) -> Self {
        .init(id: "data-block-not-numeric", text: "field `\(field)` is \(type), not a number", zh: "字段 `\(field)` 是\(zhPhrase(type))，不是数值，无法计算或绘图")
    }

    static func dataBlockNestedField(_ field: String, type: String) -> Self {
        .init(
            id: "data-block-nested-field",
            text: "field `\(field)` holds \(type == "array" ? "lists" : "mappings") (`type: \(type)`); a chart draws single values only: show it with `view: table`",
            zh: "字段 `\(field)` 的值是\(type == "array" ? "列表" : "映射")（`type: \(type)`），图表只能绘制单个数值：请改用 `view: table` 展示")
    }

    static func dataBlockNotDate(_ field: String) -> Self {
        .init(id: "data-block-not-date", text: "field `\(field)` must hold dates (YYYY-MM-DD)", zh: "字段 `\(field)` 必须是日期（年-月-日，如 2021-03-05）")
    }
}
