import Foundation

extension SnapshotLoader {
    /// One dataset file of a snapshot, typed by `current`'s schema on the fields both have.
    static func readDataset(_ bytes: Data, path: String, current: Dataset) -> (Dataset, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let text: DecodedText
        switch TextDecoder.decode(Array(bytes), declared: nil) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            let location = SourceLocation(path: path, line: failure.line, column: failure.column)
            return (Dataset(name: current.name, path: path, fields: current.fields, rows: []), [.error(.dataInvalidEncoding(byte: failure.byte), at: location)])
        }
        diagnostics += TextSafety.scan(text.utf8, path: path)
        let (table, read) =
            path.hasSuffix(".csv")
            ? RawTable.csv(text.utf8, delimiter: UInt8(ascii: ","), path: path)
            : RawTable.records(text.utf8, path: path, isJSON: true, property: nil, schemaPath: nil)
        let schema = current.schema.map { relaxed($0, columns: table.columns) }
        if let schema = current.schema {
            diagnostics += drift(of: schema, columns: table.columns, hasHeader: table.hasHeader, dataset: current.name, path: path)
        }
        var (dataset, typed) = DatasetLoader.typed(table, diagnostics: read, name: current.name, path: path, encoding: text.encoding.rawValue, schema: schema)
        dataset.title = current.title
        dataset.sample = current.sample
        var hash = StableHash()
        hash.combine(path)
        hash.combine(bytes: bytes)
        dataset.sourceHash = hash.value
        return (dataset, diagnostics + typed)
    }

    /// Today's schema cut down to the snapshot's columns: the same types, titles and units,
    /// no constraints but the primary key (a snapshot records what was published; today's
    /// rules may be newer), the snapshot's other columns as they are.
    static func relaxed(_ schema: TableSchema, columns: [String]) -> TableSchema {
        var relaxed = TableSchema(path: schema.path)
        relaxed.title = schema.title
        relaxed.sample = schema.sample
        let present = Set(columns)
        for var field in schema.fields where present.contains(field.name) {
            field.constraints = TableSchema.Constraints()
            relaxed.fields.append(field)
        }
        for column in columns where schema.field(named: column) == nil {
            relaxed.fields.append(
                TableSchema.Field(
                    name: column, type: .any, constraints: TableSchema.Constraints(), location: SourceLocation(path: schema.path)))
        }
        if !schema.primaryKey.isEmpty, schema.primaryKey.allSatisfy(present.contains) {
            relaxed.primaryKey = schema.primaryKey
        }
        return relaxed
    }

    /// A warning when the snapshot's columns are not today's fields.
    static func drift(of schema: TableSchema, columns: [String], hasHeader: Bool, dataset: String, path: String) -> [Diagnostic] {
        let present = Set(columns)
        // JSON records leave null values out: a field missing from every record is no proof.
        let added = hasHeader ? schema.fields.map(\.name).filter { !present.contains($0) } : []
        let removed = columns.filter { schema.field(named: $0) == nil }
        guard !added.isEmpty || !removed.isEmpty else { return [] }
        return [.warning(.snapshotSchemaDrift(dataset: dataset, added: added, removed: removed), at: SourceLocation(path: path, line: 1, column: 1))]
    }
}
