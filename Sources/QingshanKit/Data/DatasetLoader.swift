public import Foundation

/// Reads every dataset in `content/data/`, types it by its Table Schema and checks it.
///
/// - Datasets: `NAME.csv`, `NAME.xlsx`, `NAME.yaml`, `NAME.yml`, `NAME.json`. YAML and JSON
///   datasets are a list of records. Workbooks: see `DatasetLoader.loadWorkbook`. `NAME.schema.json|yaml|yml` beside a dataset is its schema
///   (`TableSchema`), not a dataset; `sample`, `title` and `encoding` are declared there.
/// - Without a schema every value is text (nothing is guessed); with one, the schema's
///   types decide, and its constraints, keys and totals are checked.
/// - Encodings: see `TextDecoder`. UTF-16 files (Excel's "Unicode text") use tabs.
/// - Positions: `content/data/NAME.csv:LINE:COLUMN`, the column being the UTF-8 byte
///   column of the cell's first byte (its opening quote, if quoted) in the line as decoded;
///   for YAML/JSON, the first byte of the value.
///
/// A dataset with errors is still returned (bad cells are `.null`) so that later checks
/// and foreign keys can report everything in one run; the build must stop on any error.
public enum DatasetLoader {
    public static func load(
        dataFolder: URL, root: URL, maxFileBytes: Int = SafetyLimits.maxDataFileBytes, workbookLimits: WorkbookLimits = WorkbookLimits()
    ) -> (datasets: [String: Dataset], diagnostics: [Diagnostic]) {
        let folderPath = relativePath(of: dataFolder, to: root)
        guard let listing = DataFolderListing(folder: dataFolder, path: folderPath) else {
            // No data folder is a site without data, not an error.
            return ([:], [])
        }
        var diagnostics = listing.diagnostics
        var datasets: [String: Dataset] = [:]
        var schemas: [String: TableSchema] = [:]
        for name in listing.schemaFiles.keys.sorted() where listing.dataFiles[name] == nil {
            diagnostics.append(.warning(.schemaWithoutData(name), at: SourceLocation(path: join(folderPath, listing.schemaFiles[name]!))))
        }
        for name in listing.dataFiles.keys.sorted() {
            let file = listing.dataFiles[name]!
            var schema: TableSchema?
            var source = StableHash()
            if let schemaFile = listing.schemaFiles[name] {
                let path = join(folderPath, schemaFile)
                switch read(dataFolder.appendingPathComponent(schemaFile), path: path, declared: nil, maxFileBytes: maxFileBytes) {
                case .failure(let failure): diagnostics.append(failure.diagnostic)
                case .success(let text):
                    source.combine(path)
                    source.combine(bytes: text.utf8)
                    diagnostics.append(contentsOf: TextSafety.scan(text.utf8, path: path))
                    let result = TableSchema.load(utf8: text.utf8, path: path, isJSON: schemaFile.hasSuffix(".json"))
                    schema = result.schema
                    diagnostics.append(contentsOf: result.diagnostics)
                }
            }
            let path = join(folderPath, file)
            let url = dataFolder.appendingPathComponent(file)
            let loaded: (dataset: Dataset, diagnostics: [Diagnostic])?
            if DataFolderListing.isWorkbook(file) {
                loaded = loadWorkbook(url, name: name, path: path, schema: schema, maxFileBytes: maxFileBytes, limits: workbookLimits, source: &source, diagnostics: &diagnostics)
            } else {
                loaded = loadText(url, name: name, path: path, schema: schema, maxFileBytes: maxFileBytes, source: &source, diagnostics: &diagnostics)
            }
            guard var result = loaded else { continue }
            result.dataset.sourceHash = source.value
            datasets[name] = result.dataset
            diagnostics.append(contentsOf: result.diagnostics)
            if let schema { schemas[name] = schema }
        }
        let foreign = DatasetValidator.checkForeignKeys(datasets: datasets, schemas: schemas)
        diagnostics.append(contentsOf: WorkbookCellNames.prefixed(CellNames.titled(foreign, datasets: datasets), datasets: datasets))
        return (datasets, diagnostics)
    }

    /// A CSV, YAML or JSON dataset: its text decoded, then typed and checked.
    private static func loadText(
        _ url: URL, name: String, path: String, schema: TableSchema?, maxFileBytes: Int,
        source: inout StableHash, diagnostics: inout [Diagnostic]
    ) -> (dataset: Dataset, diagnostics: [Diagnostic])? {
        if let dialect = schema?.dialect {
            for key in dialect.workbookKeys {
                diagnostics.append(.warning(.dialectNotForFormat(key, format: String(path.split(separator: ".").last ?? "")), at: dialect.location))
            }
        }
        var declared: TextEncoding?
        if let name = schema?.encoding {
            declared = TextEncoding(declared: name)
            if declared == nil { diagnostics.append(.error(.dataUnknownEncoding(name), at: SourceLocation(path: schema!.path))) }
        }
        switch read(url, path: path, declared: declared, maxFileBytes: maxFileBytes) {
        case .failure(let failure):
            diagnostics.append(failure.diagnostic)
            return nil
        case .success(let text):
            diagnostics.append(contentsOf: TextSafety.scan(text.utf8, path: path))
            if text.encoding == .gb18030 { diagnostics.append(contentsOf: SubstitutedCharacters.scan(text.utf8, path: path)) }
            source.combine(path)
            source.combine(text.encoding.rawValue)
            source.combine(bytes: text.utf8)
            return load(name: name, path: path, text: text, schema: schema)
        }
    }

    /// Types and checks one dataset from its decoded text (foreign keys excepted: they need
    /// the other datasets). `path` decides the format by its extension.
    static func load(name: String, path: String, text: DecodedText, schema: TableSchema?) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        let lowered = path.lowercased()
        let (table, diagnostics) =
            lowered.hasSuffix(".csv")
            ? RawTable.csv(text.utf8, delimiter: text.encoding.isUTF16 ? 0x09 : UInt8(ascii: ","), path: path)
            : RawTable.records(text.utf8, path: path, isJSON: lowered.hasSuffix(".json"), property: schema?.dialect?.property, schemaPath: schema?.path)
        let result = typed(table, diagnostics: diagnostics, name: name, path: path, encoding: text.encoding.rawValue, schema: schema)
        return (result.dataset, CellNames.named(result.diagnostics, table: table, path: path, schema: schema))
    }

    /// Types the cells of `table` by the schema's fields and checks the result.
    static func typed(
        _ read: RawTable, diagnostics readDiagnostics: [Diagnostic], name: String, path: String, encoding: String, schema: TableSchema?
    ) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        var table = read
        var diagnostics = readDiagnostics
        if let schema, table.hasHeader { table.renameTitles(schema) }
        // Schema order first, then any column the schema does not know, read as text.
        var fields = schema?.fields.map(\.dataField) ?? []
        for column in table.columns where schema?.field(named: column) == nil {
            if let schema {
                diagnostics.append(.warning(.dataFieldNotInSchema(column), at: table.columnLocations[column] ?? SourceLocation(path: schema.path)))
            }
            fields.append(DataField(name: column))
        }
        if let schema, table.hasHeader, !table.columns.isEmpty {
            for field in schema.fields where !table.columns.contains(field.name) {
                diagnostics.append(.error(.schemaFieldMissing(field.name), at: table.headerLocation ?? SourceLocation(path: path, line: 1, column: 1)))
            }
        }

        var untyped = Set<CellKey>()
        var rows: [DataRow] = []
        rows.reserveCapacity(table.rows.count)
        for raw in table.rows {
            // Sized once: growing two dictionaries cell by cell was a fifth of typing a table.
            var values = [String: DataValue](minimumCapacity: fields.count)
            var locations = [String: SourceLocation](minimumCapacity: fields.count)
            for field in fields {
                guard let cell = raw.cells[field.name] else { continue }
                locations[field.name] = cell.location
                if let nested = cell.nested {
                    if let problem = Self.check(nested, for: field) {
                        diagnostics.append(.error(problem, at: cell.location))
                        untyped.insert(CellKey(line: raw.location.line ?? 0, field: field.name))
                    } else {
                        values[field.name] = nested
                    }
                    continue
                }
                guard let text = cell.text else { continue }
                switch FieldValueParser.parse(text, as: field.type, field: field.name) {
                case .success(let value):
                    if !value.isNull { values[field.name] = value }
                case .failure(let problem):
                    diagnostics.append(.error(problem.message, at: cell.location, notes: problem.notes))
                    untyped.insert(CellKey(line: raw.location.line ?? 0, field: field.name))
                }
            }
            rows.append(DataRow(values: values, location: raw.location, cellLocations: locations))
        }

        var dataset = Dataset(
            name: name, path: path, fields: fields, rows: rows, sample: schema?.sample ?? false,
            encoding: encoding, title: schema?.title)
        dataset.schema = schema
        dataset.metadata = table.metadata
        if table.hasHeader { dataset.fileColumns = table.columns }
        if let schema {
            if let totals = schema.totals {
                diagnostics.append(contentsOf: DatasetValidator.checkTotals(&dataset, totals: totals))
            }
            diagnostics.append(contentsOf: DatasetValidator.checkConstraints(dataset, schema: schema, untyped: untyped))
        }
        return (dataset, diagnostics)
    }

    /// Why a list or mapping may not stand in `field`, if it may not.
    private static func check(_ nested: DataValue, for field: DataField) -> Diagnostic.Message? {
        switch (field.type, nested) {
        case (.array, .list), (.object, .record), (.any, _): nil
        case (.array, _): .valueNotNested(field: field.name, expected: "array")
        case (.object, _): .valueNotNested(field: field.name, expected: "object")
        default: .yamlValueNotScalar(field: field.name)
        }
    }

    /// The file's bytes, refused from its size alone when over the limit: a 32 MB file
    /// costs a stat, not a decode.
    static func readBytes(_ url: URL, path: String, maxFileBytes: Int) -> Result<Data, ReadFailure> {
        if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > maxFileBytes {
            return .failure(ReadFailure(diagnostic: .error(.fileTooLarge(bytes: size, limit: maxFileBytes), at: SourceLocation(path: path, line: 1, column: 1))))
        }
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            return .failure(ReadFailure(diagnostic: .error(.dataUnreadable(error.localizedDescription), at: SourceLocation(path: path))))
        }
    }

    private static func read(_ url: URL, path: String, declared: TextEncoding?, maxFileBytes: Int) -> Result<DecodedText, ReadFailure> {
        let bytes: [UInt8]
        switch readBytes(url, path: path, maxFileBytes: maxFileBytes) {
        case .failure(let failure): return .failure(failure)
        case .success(let data): bytes = Array(data)
        }
        switch TextDecoder.decode(bytes, declared: declared) {
        case .success(let text): return .success(text)
        case .failure(let failure):
            let message: Diagnostic.Message =
                failure.declared.map { .dataDeclaredEncodingFailed(encoding: $0.rawValue, byte: failure.byte) }
                ?? .dataInvalidEncoding(byte: failure.byte)
            return .failure(ReadFailure(diagnostic: .error(message, at: SourceLocation(path: path, line: failure.line, column: failure.column))))
        }
    }

    struct ReadFailure: Error {
        var diagnostic: Diagnostic
    }

    /// `folder` relative to `root`, with `/`; the folder's own path when it is not inside `root`.
    static func relativePath(of folder: URL, to root: URL) -> String {
        let folderComponents = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let rootComponents = root.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        guard folderComponents.starts(with: rootComponents) else { return folder.path }
        return folderComponents.dropFirst(rootComponents.count).joined(separator: "/")
    }

    static func join(_ folder: String, _ file: String) -> String {
        folder.isEmpty ? file : folder + "/" + file
    }
}
