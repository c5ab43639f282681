import Foundation

/// The canonical, diff-friendly text of a dataset in a snapshot: the same data always
/// gives the same bytes, and one changed cell changes one line.
///
/// - CSV (`NAME.csv`): UTF-8 without a byte-order mark, LF line ends, a header of field
///   names in the schema's order, rows sorted by primary key (as loaded when there is
///   none), cells quoted only when they hold `,`, `"` or a line break (RFC 4180).
/// - JSON (`NAME.json`), when a field holds lists or mappings: a list with one record per
///   line, keys in field order, nulls left out.
///
/// Values are written as their source text (`DataValue.description`): `2021-06-30`,
/// `76.8`, `true`.
enum SnapshotFormat {
    /// The file name and bytes of `dataset` in a snapshot.
    static func file(for dataset: Dataset) -> (name: String, data: Data) {
        let rows = sortedRows(of: dataset)
        let nested = dataset.fields.contains { $0.type == .array || $0.type == .object }
        if nested { return (dataset.name + ".json", Data(json(fields: dataset.fields, rows: rows).utf8)) }
        return (dataset.name + ".csv", Data(csv(fields: dataset.fields, rows: rows).utf8))
    }

    /// Rows in primary-key order; the loaded order when the dataset has no key.
    static func sortedRows(of dataset: Dataset) -> [DataRow] {
        let key = dataset.schema?.primaryKey ?? []
        guard !key.isEmpty else { return dataset.rows }
        return dataset.rows.enumerated().sorted { a, b in
            for field in key {
                let order = compare(a.element[field], b.element[field])
                if order != .orderedSame { return order == .orderedAscending }
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Numbers by value, everything else by its text's code points (stable across machines).
    static func compare(_ a: DataValue, _ b: DataValue) -> ComparisonResult {
        if let x = a.decimal, let y = b.decimal { return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending) }
        let x = a.description
        let y = b.description
        return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
    }

    static func csv(fields: [DataField], rows: [DataRow]) -> String {
        var text = fields.map { CSVField.quoted($0.name) }.joined(separator: ",") + "\n"
        for row in rows {
            text += fields.map { CSVField.quoted(row[$0.name].description) }.joined(separator: ",") + "\n"
        }
        return text
    }

    static func json(fields: [DataField], rows: [DataRow]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let lines = rows.map { row in
            let members = fields.compactMap { field -> String? in
                let value = row[field.name]
                return value.isNull ? nil : JSONText.quoted(field.name) + ": " + json(value)
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    private static func json(_ value: DataValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .number(let number): number.description
        case .boolean(let flag): flag ? "true" : "false"
        case .string, .date: JSONText.quoted(value.description)
        case .list(let items): "[" + items.map(json).joined(separator: ", ") + "]"
        case .record(let members): "{" + members.keys.sorted().map { JSONText.quoted($0) + ": " + json(members[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    /// `snapshot.yaml`: a comment saying what the folder is, and the note.
    static func noteFile(date: String, note: String?) -> Data {
        var text = "# 数据快照：\(date) 发布时的数据，由 qingshan snapshot 记录，请勿手工修改数据文件。\n"
        text += "# Data snapshot: the data as published on \(date), recorded by qingshan snapshot.\n"
        if let note, !note.isEmpty { text += "note: " + JSONText.quoted(note) + "\n" }
        return Data(text.utf8)
    }
}
