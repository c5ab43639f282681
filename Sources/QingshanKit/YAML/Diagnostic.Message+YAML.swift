/// The messages of the YAML reader: syntax, duplicate keys, alias budget, and a data
/// block's options (its ids start with `data-block-`, as the other data-block messages).
extension Diagnostic.Message {
    static func yamlSyntax(_ problem: String) -> Self {
        .init(id: "yaml-syntax", text: "not valid YAML/JSON: \(problem)")
    }

    static func yamlDuplicateKey(_ keys: String) -> Self {
        .init(id: "yaml-duplicate-key", text: "key \(keys) appears twice in the same mapping")
    }

    static func yamlAliasBomb(limit: Int) -> Self {
        .init(id: "yaml-alias-bomb", text: "aliases expand to more than \(limit) nodes; refusing to read the file")
    }

    static func dataBlockInvalidYAML(_ problem: String) -> Self {
        .init(id: "data-block-invalid-yaml", text: "data block options are not valid YAML: \(problem)")
    }

    static let dataBlockNotAMapping = Self(
        id: "data-block-not-a-mapping", text: "data block options must be a YAML mapping (`key: value` lines)")

    static let dataBlockAlias = Self(
        id: "data-block-alias", text: "YAML anchors and aliases are not allowed in data block options")

    static func dataBlockWrongType(_ option: String, expected: String) -> Self {
        .init(id: "data-block-wrong-type", text: "option `\(option)` must be \(expected)")
    }
}
