/// Chinese renderings of the short English phrases that call sites pass into messages
/// (`expected: "a whole number"`, a YAML node's kind), so that a Chinese message does not
/// carry an English fragment. A phrase not listed here is shown as written.
extension Diagnostic.Message {
    static func zhPhrase(_ english: String) -> String {
        phrases[english] ?? english
    }

    private static let phrases: [String: String] = [
        "text": "文本",
        "a scalar": "单个值",
        "a single value": "单个值",
        "a mapping": "映射（若干“键: 值”行）",
        "a list": "列表（若干“- ”开头的行）",
        "an alias": "别名",
        "nothing": "空",
        "true or false": "true 或 false",
        "true or false (是/否)": "是或否（true/false）",
        "a number": "数值",
        "a whole number in range": "可表示的整数（位数过多）",
        "a date (YYYY-MM-DD)": "日期（年-月-日，例如 2021-03-05）",
        "string": "文本",
        "integer": "整数",
        "number": "数值",
        "date": "日期",
        "boolean": "是/否",
        "any": "任意值",
        "array": "列表",
        "object": "映射",
        "a whole number": "整数",
        "a list of {title, page|url}": "列表，每项写 title 和 page（或 url）",
        "a list of {dataset, path, title, layout}": "列表，每项写 dataset、path、title、layout",
        "a relative path ending in .html, e.g. villages/{id}/index.html": "以 .html 结尾的相对路径，例如 villages/{id}/index.html",
        "lowercase letters, digits, '.', '_' or '-'": "小写字母、数字、“.”、“_”或“-”",
        "a list of mappings under `allow`": "`allow` 下的映射列表",
        "a list under `allow`": "`allow` 下的列表",
        "a mapping with an `allow` list": "含有 `allow` 列表的映射",
    ]
}
