/// The messages of the YAML reader: syntax, duplicate keys, alias budget, and a data
/// block's options (its ids start with `data-block-`, as the other data-block messages).
extension Diagnostic.Message {
    static func yamlSyntax(_ problem: String) -> Self {
        .init(id: "yaml-syntax", text: "not valid YAML/JSON: \(problem)", zh: "YAML/JSON 格式错误：\(problem)（常见原因：冒号后缺空格、缩进不齐、用了 Tab）")
    }

    /// `firstLine` and `againAt` are lines of the file (`againAt` nil when the second key
    /// could not be found, as in a flow mapping `{a: 1, a: 2}` on one line).
    static func yamlDuplicateKey(_ keys: String, firstLine: Int? = nil, againAt: Int? = nil) -> Self {
        let lines = firstLine.flatMap { first in againAt.map { (first, $0) } }
        return .init(
            id: "yaml-duplicate-key",
            text: "key \(keys) appears twice in the same mapping" + (lines.map { ": lines \($0.0) and \($0.1)" } ?? ""),
            zh: "键 \(keys) 在同一映射中出现了两次" + (lines.map { "：第 \($0.0) 行和第 \($0.1) 行" } ?? ""))
    }

    static func yamlAliasBomb(limit: Int) -> Self {
        .init(
            id: "yaml-alias-bomb", text: "aliases expand to more than \(limit) nodes; refusing to read the file (the position is the first alias)",
            zh: "别名展开后超过 \(limit) 个节点，拒绝读取该文件（位置为第一个别名）")
    }

    static func dataBlockInvalidYAML(_ problem: String) -> Self {
        .init(id: "data-block-invalid-yaml", text: "data block options are not valid YAML: \(problem)", zh: "数据块的选项不是有效的 YAML：\(problem)")
    }

    static let dataBlockNotAMapping = Self(
        id: "data-block-not-a-mapping", text: "data block options must be a YAML mapping (`key: value` lines)",
        zh: "数据块的选项应写成若干“选项: 值”行")

    static let dataBlockAlias = Self(
        id: "data-block-alias", text: "YAML anchors and aliases are not allowed in data block options",
        zh: "数据块的选项中不能使用 YAML 锚点和别名（& 和 *）")

    static func dataBlockWrongType(_ option: String, expected: String) -> Self {
        .init(id: "data-block-wrong-type", text: "option `\(option)` must be \(expected)", zh: "选项 `\(option)` 应为\(zhPhrase(expected))")
    }
}
