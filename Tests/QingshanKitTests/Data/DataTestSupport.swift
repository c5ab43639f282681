import Foundation

@testable import QingshanKit

/// Loads one dataset from inline text, as the loader would from `content/data/<file>`.
func loadInline(
    _ text: String, file: String = "villages.csv", schema: String? = nil, schemaIsJSON: Bool = false
) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var parsed: TableSchema?
    if let schema {
        let result = TableSchema.load(
            utf8: Array(schema.utf8), path: "content/data/villages.schema.\(schemaIsJSON ? "json" : "yaml")",
            isJSON: schemaIsJSON)
        parsed = result.schema
        diagnostics += result.diagnostics
    }
    let name = String(file.prefix { $0 != "." })
    let decoded = DecodedText(utf8: Array(text.utf8), encoding: .utf8)
    let result = DatasetLoader.load(name: name, path: "content/data/\(file)", text: decoded, schema: parsed)
    return (result.dataset, diagnostics + result.diagnostics)
}

/// `id@line:column` for each diagnostic, the shape most assertions compare.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.message.id)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
}

/// The folder of data fixtures, found beside this file.
let dataFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/data")
