/// The dates a dataset's own rows give: what the catalogue shows as "latest record", what
/// the workbook's properties and the data package's `created` say. Never the clock.
enum DatasetDates {
    /// The newest date value in any row and field of `dataset`, as a `.date`.
    static func latest(in dataset: Dataset) -> DataValue? {
        var newest: (Int, Int, Int)?
        for row in dataset.rows {
            for value in row.values.values {
                if case .date(let year, let month, let day) = value, newest.map({ (year, month, day) > $0 }) ?? true {
                    newest = (year, month, day)
                }
            }
        }
        return newest.map { .date(year: $0.0, month: $0.1, day: $0.2) }
    }

    /// The newest date of all `datasets`.
    static func latest(in datasets: [Dataset]) -> DataValue? {
        datasets.compactMap { latest(in: $0) }.max { $0.description < $1.description }
    }
}
