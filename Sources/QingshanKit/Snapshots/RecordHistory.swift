/// The dated values of one record's fields that changed across the snapshots (and the
/// current data, when it differs from the latest): 2021-06-30 在建 60% → 2021-09-30 已完工 100%.
public struct RecordHistory: Sendable, Hashable {
    /// One publication of the record.
    public struct Point: Sendable, Hashable {
        /// The snapshot's date; nil for the current data.
        public var date: String?
        /// The record then; nil when it was not in that publication.
        public var row: DataRow?
    }

    /// The fields whose value changed at least once, in field order.
    public var fields: [DataField]
    /// Oldest first.
    public var points: [Point]

    /// The same for the same history in every run (Swift's `hashValue` is seeded per process).
    var stableHash: UInt64 {
        var hash = StableHash()
        for field in fields { hash.combine(field.name) }
        for point in points {
            hash.combine(point.date ?? "(current)")
            hash.combine(point.row != nil)
            for field in fields { hash.combine(point.row?[field.name].description ?? "") }
        }
        return hash.value
    }
}

/// The snapshots of one dataset indexed by primary key, built once per build, so each
/// record page finds its history without scanning every snapshot.
public struct RecordHistories: Sendable, Hashable {
    let key: [String]
    let fields: [DataField]
    let dates: [String]
    let rows: [[String: DataRow]]
    /// The fields each snapshot has (one taken before a field was added lacks it).
    let present: [Set<String>]
    /// A hash of what the snapshots hold of the dataset (for page keys).
    public let hash: UInt64

    /// `nil` when the dataset has no primary key or no snapshot holds it.
    public init?(dataset: Dataset, archive: SnapshotArchive) {
        let key = dataset.schema?.primaryKey ?? []
        let held = archive.snapshots.filter { $0.datasets[dataset.name] != nil }
        guard !key.isEmpty, !held.isEmpty else { return nil }
        self.key = key
        fields = dataset.fields
        dates = held.map(\.date)
        rows = held.map { snapshot in
            let rows = snapshot.datasets[dataset.name]!.rows
            return Dictionary(rows.map { (DataComparison.keyText($0, key), $0) }, uniquingKeysWith: { first, _ in first })
        }
        present = held.map { Set($0.datasets[dataset.name]!.fields.map(\.name)) }
        hash = archive.hash(of: dataset.name)
    }

    /// The history of `row` (a row of the current data); nil when nothing changed.
    public func history(of row: DataRow) -> RecordHistory? {
        let text = DataComparison.keyText(row, key)
        var points = zip(dates, rows).map { RecordHistory.Point(date: $0, row: $1[text]) }
        var known = present
        if points.last?.row.map({ latest in fields.contains { present.last!.contains($0.name) && latest[$0.name] != row[$0.name] } }) ?? true {
            points.append(RecordHistory.Point(date: nil, row: row))
            known.append(Set(fields.map(\.name)))
        }
        // Consecutive publications that hold the record, each with the fields it knows.
        let held = zip(points, known).compactMap { point, names in point.row.map { ($0, names) } }
        let changed = fields.filter { field in
            zip(held, held.dropFirst()).contains { a, b in
                a.1.contains(field.name) && b.1.contains(field.name) && a.0[field.name] != b.0[field.name]
            }
        }
        guard !changed.isEmpty else { return nil }
        return RecordHistory(fields: changed, points: points)
    }
}
