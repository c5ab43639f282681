/// A Frictionless Table Schema (the subset Qingshan uses) read from `NAME.schema.json` or
/// `NAME.schema.yaml` beside a dataset.
///
/// Standard keys: `fields` (`name`, `type`, `title`, `description`, `format`, `constraints`:
/// `required`, `unique`, `enum`, `minimum`, `maximum`, `pattern`), `primaryKey`, `foreignKeys`
/// (`{fields, reference: {resource, fields}}`; an empty `resource` means the dataset itself).
///
/// Qingshan extensions: per field `unit` (e.g. `万元`) and `decimals`; per schema `title`,
/// `publish: false` (no downloads, see `OpenDataPhase`), `sample: true` (the data is not
/// the bureau's own; pages carry a notice), `encoding` (`gb18030`, `gbk`, `utf-8`,
/// `utf-16le`, `utf-16be`; a byte-order mark still wins), and
/// `totals` (a stated total row that must equal the sum of the other rows):
///
/// ```yaml
/// totals:
///   field: county      # the column that labels the total row
///   label: 合计         # its text in that column
///   sum: [budget, projects]
/// ```
///
/// `dialect:` (Frictionless Table Dialect) says where the records sit: see `TableDialect`.
///
/// The total row is checked, then removed from the dataset's rows so that views which add
/// rows up do not count it twice.
public struct TableSchema: Sendable, Hashable {
    /// One declared column.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: DataField.FieldType
        public var title: String?
        public var description: String?
        public var format: String?
        public var unit: String?
        public var decimals: Int?
        public var constraints: Constraints
        /// Where the field is declared in the schema file.
        public var location: SourceLocation

        /// The shared model's column.
        public var dataField: DataField {
            DataField(name: name, type: type, title: title, unit: unit, decimals: decimals)
        }
    }

    /// Frictionless constraints. Bounds and enum items are kept as written and typed on use.
    public struct Constraints: Sendable, Hashable {
        public var required = false
        public var unique = false
        public var enumValues: [String]?
        public var minimum: String?
        public var maximum: String?
        public var pattern: String?
    }

    /// Values of `fields` must appear as `referenceFields` of some row of dataset `resource`.
    public struct ForeignKey: Sendable, Hashable {
        public var fields: [String]
        /// The referenced dataset's name; the dataset itself when empty.
        public var resource: String
        public var referenceFields: [String]
        public var location: SourceLocation
    }

    /// A stated total row (see the type's documentation).
    public struct Totals: Sendable, Hashable {
        public var field: String
        public var label: String
        public var sum: [String]
        public var location: SourceLocation
    }

    /// The schema file, relative to the site root.
    public var path: String
    public var title: String?
    public var description: String?
    public var sample = false
    /// `publish: false` keeps the dataset out of the downloads and the data package
    /// (pages may still show it).
    public var publish = true
    public var encoding: String?
    /// How one record is counted in summaries (`recordUnit: 个村`); `条记录` when not given.
    public var recordUnit: String?
    public var fields: [Field] = []
    public var primaryKey: [String] = []
    public var foreignKeys: [ForeignKey] = []
    public var totals: Totals?
    /// Which sheet, header rows or key holds the records (`dialect:`); see `TableDialect`.
    public var dialect: TableDialect?

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}
