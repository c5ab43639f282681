@testable import QingshanKit

/// The YAML reader with its guards (nesting depth, alias budget, duplicate keys), and what
/// reads YAML and JSON: record datasets, Table Schemas, `site.yaml`, data-block options.
enum YAMLFuzz {
    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        let text = String(decoding: input, as: UTF8.self)
        switch mode & 7 {
        case 0:
            if case .success(let document) = YAMLDocument.parse(text, path: "x.yaml"), let root = document.root {
                _ = YAMLMapping(root, in: document)
            }
        case 1: _ = RawTable.records(input, path: "data/x.yaml", isJSON: false)
        case 2: _ = RawTable.records(input, path: "data/x.json", isJSON: true)
        case 3: _ = TableSchema.load(utf8: input, path: "data/x.schema.yaml", isJSON: false)
        case 4: _ = TableSchema.load(utf8: input, path: "data/x.schema.json", isJSON: true)
        case 5: _ = SiteConfig.parse(text)
        default:
            var diagnostics = Diagnostics()
            _ = BlockYAML(body: text, bodyStart: SourceLocation(path: "pages/x.md", line: 3, column: 1)).root(diagnostics: &diagnostics)
        }
    }
}
