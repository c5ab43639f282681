import Foundation
import ZIPFoundation

@testable import QingshanKit

/// The workbook fixtures, written by `scripts/make-xlsx-fixtures.py` (openpyxl, XlsxWriter).
let workbookFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/workbooks")

func workbookFixture(_ name: String) throws -> Data {
    try Data(contentsOf: workbookFixtures.appendingPathComponent(name))
}

/// Loads one workbook dataset as the loader would from `content/data/<file>`.
func loadWorkbook(
    _ data: Data, file: String, schema: String? = nil, limits: WorkbookLimits = WorkbookLimits()
) -> (dataset: Dataset?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var parsed: TableSchema?
    let name = String(file.prefix { $0 != "." })
    if let schema {
        let result = TableSchema.load(utf8: Array(schema.utf8), path: "content/data/\(name).schema.yaml", isJSON: false)
        parsed = result.schema
        diagnostics += result.diagnostics
    }
    let result = DatasetLoader.load(name: name, path: "content/data/\(file)", workbook: data, schema: parsed, limits: limits)
    return (result.dataset, diagnostics + result.diagnostics)
}

/// The dataset's rows as plain texts by field, for compact assertions.
func texts(_ dataset: Dataset?) -> [[String: String]] {
    (dataset?.rows ?? []).map { row in row.values.mapValues(\.description) }
}

/// A ZIP of `parts` (path, bytes), written with ZIPFoundation: hand-made or edited workbooks.
func zipParts(_ parts: [(path: String, bytes: Data)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, bytes) in parts {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data ?? Data()
}

/// The same for texts.
func zipParts(_ parts: [(String, String)]) throws -> Data {
    try zipParts(parts.map { (path: $0.0, bytes: Data($0.1.utf8)) })
}
