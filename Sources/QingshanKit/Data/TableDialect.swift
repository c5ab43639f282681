/// Where a dataset's records sit in its file: Frictionless Table Dialect keys, written under
/// `dialect:` in the dataset's schema (`NAME.schema.yaml`).
///
/// - Workbooks: `sheetName: 村庄名单` or `sheetNumber: 2` (from 1) picks the sheet (default:
///   the first); `headerRows: [2]` says which rows hold the header (default `[1]`), so a
///   title row above it is skipped. Several header rows are joined with a space.
/// - YAML and JSON: `property: milestones` names the top-level key holding the list of
///   records; the file's other top-level keys are the dataset's `metadata`.
public struct TableDialect: Sendable, Hashable {
    public var sheetName: String?
    public var sheetNumber: Int?
    public var headerRows: [Int]?
    public var property: String?
    /// Where `dialect:` is written in the schema, for problems with the selection.
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }

    /// The keys that only make sense for a workbook, with the ones set.
    var workbookKeys: [String] {
        [sheetName.map { _ in "sheetName" }, sheetNumber.map { _ in "sheetNumber" }, headerRows.map { _ in "headerRows" }]
            .compactMap { $0 }
    }
}
