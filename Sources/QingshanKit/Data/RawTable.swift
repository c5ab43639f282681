import Foundation
import Yams

/// A dataset as read from its file, before typing: cell texts with their positions.
/// CSV, YAML and JSON all come down to this, so typing and checks are written once.
struct RawTable {
    struct Cell {
        /// `nil` for a YAML/JSON null or a missing key.
        var text: String?
        var location: SourceLocation
        /// A list or mapping inside a YAML/JSON record, kept until the schema says whether
        /// the field may hold one (`type: array|object`).
        var nested: DataValue?
    }

    struct Row {
        var location: SourceLocation
        var cells: [String: Cell]
    }

    /// Column names in file order (first appearance for YAML/JSON).
    var columns: [String] = []
    /// Where each column is named: its header cell (CSV) or its first key (YAML/JSON).
    var columnLocations: [String: SourceLocation] = [:]
    var rows: [Row] = []
    /// A CSV names every column in its header; YAML and JSON records may leave keys out.
    var hasHeader = false
    /// Where the header is, when it is not the file's first line (a workbook's `headerRows`).
    var headerLocation: SourceLocation?
    /// A YAML/JSON file's top-level keys beside its records (`dialect: {property: …}`).
    var metadata: [String: DataValue] = [:]
}

extension RawTable {
    /// Reads CSV records: the first is the header, each other one a row.
    static func csv(_ utf8: [UInt8], delimiter: UInt8, path: String) -> (RawTable, [Diagnostic]) {
        var (records, diagnostics) = CSVReader.read(utf8, delimiter: delimiter, path: path)
        var table = RawTable(hasHeader: true)
        guard let header = records.first else {
            diagnostics.append(.error(.csvEmpty, at: SourceLocation(path: path, line: 1, column: 1)))
            return (table, diagnostics)
        }
        var headerProblem = false
        for (number, cell) in header.cells.enumerated() {
            let location = SourceLocation(path: path, line: cell.line, column: cell.column)
            if let comma = cell.text.range(of: "，") {
                // Byte offset of the comma inside the cell, past the opening quote if any.
                let offset = cell.text.utf8.distance(from: cell.text.startIndex, to: comma.lowerBound)
                diagnostics.append(
                    .warning(
                        .csvHeaderFullWidthComma,
                        at: SourceLocation(path: path, line: cell.line, column: cell.column + offset + (cell.quoted ? 1 : 0)),
                        notes: ["'\(cell.text)' is read as one column name; did you mean '\(cell.text.replacingOccurrences(of: "，", with: ","))'?"]))
            }
            let name = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if name != cell.text {
                diagnostics.append(.warning(.csvHeaderWhitespace(name), at: location))
            }
            if name.isEmpty {
                diagnostics.append(.error(.csvHeaderEmpty(column: number + 1), at: location))
                headerProblem = true
            } else if table.columnLocations[name] != nil {
                diagnostics.append(.error(.csvHeaderDuplicate(name), at: location))
                headerProblem = true
            }
            table.columns.append(name)
            table.columnLocations[name] = table.columnLocations[name] ?? location
        }
        if headerProblem { return (table, diagnostics) }
        for record in records.dropFirst() {
            if record.cells.count != table.columns.count {
                // Point at the first cell too many, or at the row when cells are missing.
                let column = record.cells.count > table.columns.count ? record.cells[table.columns.count].column : 1
                let line = record.cells.count > table.columns.count ? record.cells[table.columns.count].line : record.line
                diagnostics.append(
                    .error(
                        .csvRaggedRow(expected: table.columns.count, found: record.cells.count),
                        at: SourceLocation(path: path, line: line, column: column)))
                continue
            }
            var row = Row(location: SourceLocation(path: path, line: record.line, column: 1), cells: [:])
            for (name, cell) in zip(table.columns, record.cells) {
                row.cells[name] = Cell(text: cell.text, location: SourceLocation(path: path, line: cell.line, column: cell.column))
            }
            table.rows.append(row)
        }
        return (table, diagnostics)
    }

    /// Reads a YAML or JSON list of records (`- field: value` / `[{"field": "value"}]`), or,
    /// given `property`, the list under that top-level key, the other keys being metadata.
    /// `schemaPath` names the file a missing `dialect: {property: …}` should be added to.
    static func records(_ utf8: [UInt8], path: String, isJSON: Bool, property: String? = nil, schemaPath: String? = nil) -> (RawTable, [Diagnostic]) {
        var table = RawTable()
        let document: YAMLDocument
        do {
            document = try YAMLDocument(utf8: utf8, path: path, isJSON: isJSON)
        } catch {
            guard case .diagnostic(let diagnostic) = error else { return (table, []) }
            return (table, [diagnostic])
        }
        guard let root = document.root else { return (table, []) }  // An empty file is an empty dataset.
        let items: Node.Sequence
        switch (root, property) {
        case (.sequence(let list), _):
            items = list
        case (.mapping(let mapping), let property?):
            guard let found = mapping[property], case .sequence(let list) = found else {
                let keys = Array(mapping.keys.compactMap(\.scalarText))
                return (table, [.error(.yamlPropertyMissing(property, keys: keys), at: document.location(of: mapping[property] ?? root))])
            }
            items = list
            for (key, value) in mapping {
                guard let name = key.scalarText, name != property else { continue }
                table.metadata[name] = Self.value(of: value)
            }
        case (.mapping(let mapping), nil):
            let keys = mapping.compactMap { key, value -> String? in
                guard case .sequence(let list) = value, list.contains(where: { if case .mapping = $0 { true } else { false } }) else { return nil }
                return key.scalarText
            }
            guard !keys.isEmpty else { return (table, [.error(.yamlNotAList, at: document.location(of: root))]) }
            let schema = schemaPath ?? path.replacingOccurrences(of: ".yaml", with: ".schema.yaml").replacingOccurrences(of: ".json", with: ".schema.json")
            return (table, [.error(.yamlRecordsUnderKey(keys: keys, schema: schema), at: document.location(of: root))])
        default:
            return (table, [.error(.yamlNotAList, at: document.location(of: root))])
        }
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error(.yamlRowNotRecord, at: document.location(of: item)))
                continue
            }
            var row = Row(location: document.location(of: item), cells: [:])
            for (key, value) in mapping {
                guard let name = key.scalarText else {
                    diagnostics.append(.error(.yamlRowNotRecord, at: document.location(of: key)))
                    continue
                }
                if table.columnLocations[name] == nil {
                    table.columns.append(name)
                    table.columnLocations[name] = document.location(of: key)
                }
                let location = document.location(of: value)
                if value.isNullScalar {
                    row.cells[name] = Cell(text: nil, location: location)
                } else if let text = value.scalarText {
                    row.cells[name] = Cell(text: text, location: location)
                } else {
                    row.cells[name] = Cell(text: nil, location: location, nested: Self.value(of: value))
                }
            }
            table.rows.append(row)
        }
        return (table, diagnostics)
    }

    /// A YAML node as a value, scalars as their text: nested values are not typed further.
    private static func value(of node: Node) -> DataValue {
        switch node {
        case .sequence(let items): return .list(items.map(value(of:)))
        case .mapping(let mapping):
            var record: [String: DataValue] = [:]
            for (key, value) in mapping { if let name = key.scalarText { record[name] = Self.value(of: value) } }
            return .record(record)
        default:
            if node.isNullScalar { return .null }
            return .string(node.scalarText ?? "")
        }
    }
}

extension RawTable {
    /// Renames columns headed by a field's title (`村名`) to the field's name (`name`), unless
    /// that name is already a column of its own.
    mutating func renameTitles(_ schema: TableSchema) {
        for (index, column) in columns.enumerated() {
            let name = schema.fieldName(forHeader: column)
            guard name != column, columnLocations[name] == nil else { continue }
            columns[index] = name
            columnLocations[name] = columnLocations.removeValue(forKey: column)
            for row in rows.indices {
                rows[row].cells[name] = rows[row].cells.removeValue(forKey: column)
            }
        }
    }
}
