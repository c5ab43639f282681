/// What changed in one dataset between two publications: records added, removed and
/// changed (field by field), matched by primary key. A dataset without a primary key is
/// compared as a whole: changed or not.
public struct DataComparison: Sendable, Hashable {
    /// A field whose value changed, with the field as today's schema describes it.
    public struct FieldChange: Sendable, Hashable {
        public var field: DataField
        public var old: DataValue
        public var new: DataValue
    }

    /// A record present in both, with the fields that differ (in field order).
    public struct RecordChange: Sendable, Hashable {
        public var key: String
        public var row: DataRow
        public var fields: [FieldChange]
    }

    /// How many records reached a "done" state (the second half of the first enum's
    /// values: 已完工, 已验收 of 未开工, 在建, 已完工, 已验收), and where the total stands.
    public struct Progress: Sendable, Hashable {
        public var field: DataField
        public var doneValues: [String]
        public var newlyDone: Int
        public var done: Int
        public var total: Int
    }

    public var name: String
    public var title: String
    /// The primary key's fields; empty when the dataset has none (compared as a whole).
    public var key: [String]
    public var added: [DataRow] = []
    public var removed: [DataRow] = []
    public var changed: [RecordChange] = []
    /// For a dataset without a primary key: whether any row differs.
    public var wholeChanged = false
    /// The dataset is not in the earlier publication.
    public var isNew = false
    public var progress: Progress?
    /// How one record is counted in the summary: the schema's `recordUnit`, else `条记录`.
    public var recordUnit = "条记录"

    public var hasChanges: Bool { !added.isEmpty || !removed.isEmpty || !changed.isEmpty || wholeChanged || isNew }

    /// Compares the earlier publication `old` (nil: the dataset did not exist) with `new`,
    /// on the fields both have, described by `new`'s fields; keys and states come from
    /// `schema` (today's: a snapshot's own is cut down to its columns).
    public static func compare(old: Dataset?, new: Dataset, schema: TableSchema?) -> DataComparison {
        let key = schema?.primaryKey ?? []
        var comparison = DataComparison(name: new.name, title: new.title, key: key)
        comparison.recordUnit = schema?.recordUnit ?? comparison.recordUnit
        guard let old else {
            comparison.isNew = true
            comparison.added = new.rows
            return comparison
        }
        let fields = new.fields.filter { old.field(named: $0.name) != nil }
        guard !key.isEmpty, key.allSatisfy({ old.field(named: $0) != nil }) else {
            comparison.key = []
            comparison.wholeChanged = old.rows.map { row in fields.map { row[$0.name] } } != new.rows.map { row in fields.map { row[$0.name] } }
            return comparison
        }
        let oldRows = Dictionary(old.rows.map { (keyText($0, key), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.rows.map { keyText($0, key) })
        for row in new.rows {
            let text = keyText(row, key)
            guard let before = oldRows[text] else {
                comparison.added.append(row)
                continue
            }
            let changes = fields.filter { before[$0.name] != row[$0.name] }.map { FieldChange(field: $0, old: before[$0.name], new: row[$0.name]) }
            if !changes.isEmpty { comparison.changed.append(RecordChange(key: text, row: row, fields: changes)) }
        }
        comparison.removed = SnapshotFormat.sortedRows(of: old).filter { !newKeys.contains(keyText($0, key)) }
        comparison.progress = schema.flatMap { progress(old: oldRows, new: new, key: key, schema: $0) }
        return comparison
    }

    /// The primary key's values as one text (`511702001001`; parts joined by ` / `).
    public static func keyText(_ row: DataRow, _ key: [String]) -> String {
        key.map { row[$0].description }.joined(separator: " / ")
    }

    private static func progress(old: [String: DataRow], new: Dataset, key: [String], schema: TableSchema) -> Progress? {
        guard let field = new.fields.first(where: { schema.field(named: $0.name)?.constraints.enumValues != nil }),
            let values = schema.field(named: field.name)?.constraints.enumValues, values.count >= 2
        else { return nil }
        let doneValues = Array(values.suffix(values.count / 2))
        func isDone(_ row: DataRow?) -> Bool { row.map { doneValues.contains($0[field.name].description) } ?? false }
        let done = new.rows.filter(isDone)
        let newlyDone = done.filter { !isDone(old[keyText($0, key)]) }.count
        return Progress(field: field, doneValues: doneValues, newlyDone: newlyDone, done: done.count, total: new.rows.count)
    }
}

/// One period: the data of publication `to` (a snapshot's date, or nil for the current
/// data) against the publication before it, dataset by dataset in name order.
public struct ChangePeriod: Sendable, Hashable {
    /// The earlier publication's date.
    public var from: String
    /// The later publication's date; nil for the current, not yet recorded, data.
    public var to: String?
    public var note: String?
    public var datasets: [DataComparison]

    public var hasChanges: Bool { datasets.contains(where: \.hasChanges) }

    /// The periods of an archive: the current data against the latest snapshot (when
    /// there is one), then each snapshot against the one before it, newest first.
    public static func periods(archive: SnapshotArchive, current: [String: Dataset]) -> (current: ChangePeriod?, archived: [ChangePeriod]) {
        let snapshots = archive.snapshots
        let currentPeriod = archive.latest.map { latest in
            ChangePeriod(from: latest.date, to: nil, note: nil, datasets: compare(old: latest.datasets, new: current, today: current))
        }
        let archived = snapshots.indices.dropFirst().reversed().map { index in
            ChangePeriod(
                from: snapshots[index - 1].date, to: snapshots[index].date, note: snapshots[index].note,
                datasets: compare(old: snapshots[index - 1].datasets, new: snapshots[index].datasets, today: current))
        }
        return (currentPeriod, archived)
    }

    private static func compare(old: [String: Dataset], new: [String: Dataset], today: [String: Dataset]) -> [DataComparison] {
        new.keys.sorted().map { DataComparison.compare(old: old[$0], new: new[$0]!, schema: today[$0]?.schema) }
    }
}
