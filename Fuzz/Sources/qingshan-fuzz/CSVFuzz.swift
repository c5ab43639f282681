@testable import QingshanKit

/// CSV with the encoding detection: the bytes as a file's bytes, decoded (BOM, UTF-8,
/// GB18030, UTF-16) and read into a dataset, untyped and typed by a schema.
enum CSVFuzz {
    /// A schema with every field type and constraint kind the readers parse, for the
    /// columns of `villages.csv`-like input.
    static let schema: TableSchema? = {
        let yaml = """
            fields:
              - {name: id, constraints: {required: true, unique: true, pattern: "[0-9]{12}"}}
              - {name: name, constraints: {enum: [甲, 乙]}}
              - {name: budget, type: number, decimals: 1, constraints: {minimum: 0}}
              - {name: progress, type: integer, constraints: {minimum: 0, maximum: 100}}
              - {name: updated, type: date, constraints: {minimum: 2021-01-01}}
              - {name: done, type: boolean}
              - {name: note, type: any}
            primaryKey: id
            """
        return TableSchema.load(utf8: Array(yaml.utf8), path: "data/x.schema.yaml", isJSON: false).schema
    }()

    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        // The first byte picks a declared encoding (as `encoding:` in a schema) and whether
        // the schema applies, so one corpus reaches every path.
        let encodings: [TextEncoding?] = [nil, .gb18030, .utf16LE, .utf8]
        let declared = encodings[Int(mode & 3)]
        guard case .success(let text) = TextDecoder.decode(input, declared: declared) else { return }
        _ = TextSafety.scan(text.utf8, path: "data/x.csv")
        _ = DatasetLoader.load(name: "x", path: "data/x.csv", text: text, schema: mode & 4 == 0 ? nil : schema)
    }
}
