public import Foundation

/// A table of facts loaded from `content/data/NAME.csv|yaml|json`, after its schema
/// (if any) has typed and checked it. Templates, collections and data blocks read
/// datasets by `name`.
public struct Dataset: Sendable, Hashable {
    /// The file name without its extension: `villages` for `content/data/villages.csv`.
    public var name: String
    /// The source file, relative to the site root.
    public var path: String
    /// The columns, in file order (or schema order when a schema is given).
    public var fields: [DataField]
    public var rows: [DataRow]
    /// Sample data, not the bureau's own: every page that shows it carries a notice.
    public var sample: Bool
    /// The text encoding the file was read in ("UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16LE").
    public var encoding: String
    /// The dataset's title for captions, from its schema (`title`), else its name.
    public var title: String
    /// The Table Schema the dataset was checked against, when it has one (descriptions,
    /// constraints, keys: what downloads and comparisons need beyond `fields`).
    public var schema: TableSchema?
    /// A hash of what the dataset was loaded from (its file, its schema, its path), so
    /// what is derived from it alone can be kept between builds; 0 when not loaded.
    var sourceHash: UInt64 = 0
    /// The sheet a workbook dataset was read from; its cells are named `sheet!K5` in messages.
    var workbookSheet: String?
    /// A CSV dataset's columns in the file's order (by field name), so that a message can
    /// name a cell as the spreadsheet does (`F4`, see `CellNames`); empty for other formats.
    var fileColumns: [String] = []
    /// The file's other top-level keys when its records sit under one (`dialect: {property:
    /// milestones}` beside `updated: 2024-12-31`): templates read them as `metadata`.
    public var metadata: [String: DataValue] = [:]

    public init(
        name: String, path: String, fields: [DataField], rows: [DataRow],
        sample: Bool = false, encoding: String = "UTF-8", title: String? = nil
    ) {
        self.name = name
        self.path = path
        self.fields = fields
        self.rows = rows
        self.sample = sample
        self.encoding = encoding
        self.title = title ?? name
    }

    public func field(named name: String) -> DataField? { fields.first { $0.name == name } }
}

/// A column: its name and, when a Table Schema gives them, its type, title and display unit.
public struct DataField: Sendable, Hashable {
    public enum FieldType: String, Sendable, Hashable {
        case string, integer, number, date, boolean, any
        /// A list inside a record (`tasks: [...]`), from YAML or JSON; items are kept as written.
        case array
        /// A mapping inside a record (`contact: {office: ..., phone: ...}`), from YAML or JSON.
        case object
    }

    public var name: String
    public var type: FieldType
    /// The human title of the column (`title` in the schema); falls back to `name`.
    public var title: String
    /// A display unit, e.g. `万元` (a Qingshan extension of Table Schema).
    public var unit: String?
    /// Decimals to show for numbers (a Qingshan extension of Table Schema).
    public var decimals: Int?

    public init(name: String, type: FieldType = .string, title: String? = nil, unit: String? = nil, decimals: Int? = nil) {
        self.name = name
        self.type = type
        self.title = title ?? name
        self.unit = unit
        self.decimals = decimals
    }
}

/// One row, with the source position of each cell so that later checks can point at it.
public struct DataRow: Sendable, Hashable {
    /// Values by field name. A missing or empty cell is `.null`.
    public var values: [String: DataValue]
    /// Where the row starts in its file (1-based line).
    public var location: SourceLocation
    /// Where each cell starts, by field name (line and UTF-8 byte column).
    public var cellLocations: [String: SourceLocation]

    public init(values: [String: DataValue], location: SourceLocation, cellLocations: [String: SourceLocation] = [:]) {
        self.values = values
        self.location = location
        self.cellLocations = cellLocations
    }

    public subscript(field: String) -> DataValue { values[field] ?? .null }

    public func location(of field: String) -> SourceLocation { cellLocations[field] ?? location }
}

/// A typed cell value. Money and other decimals are `Decimal`, never `Double`.
public enum DataValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case string(String)
    case integer(Int)
    case number(Decimal)
    case boolean(Bool)
    /// A calendar date without time zone.
    case date(year: Int, month: Int, day: Int)
    case list([DataValue])
    case record([String: DataValue])

    /// The plain text of the value, as it would be written in the source (`2021-04-01` for a date).
    public var description: String {
        switch self {
        case .null: ""
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): d.description
        case .boolean(let b): b ? "true" : "false"
        case .date(let y, let m, let d): Self.isoDate(y, m, d)
        case .list(let items): items.map(\.description).joined(separator: ", ")
        case .record(let fields): fields.keys.sorted().map { "\($0): \(fields[$0]!.description)" }.joined(separator: ", ")
        }
    }

    /// `YYYY-MM-DD`, zero-padded: `String(format:)` took 22,000 instructions a date, a
    /// fifth of typing a dataset's cells.
    static func isoDate(_ year: Int, _ month: Int, _ day: Int) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        for (value, width) in [(year, 4), (month, 2), (day, 2)] {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value as a `Decimal` when it is numeric.
    public var decimal: Decimal? {
        switch self {
        case .integer(let i): Decimal(i)
        case .number(let d): d
        default: nil
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }
}
