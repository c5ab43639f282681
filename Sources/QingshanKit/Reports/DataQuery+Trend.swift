import Foundation

/// One publication a trend plots: a snapshot (dated) or the current data.
struct TrendPoint {
    var label: String
    var date: DataValue
    var dataset: Dataset
}

extension DataQuery {
    /// `over: snapshots`: the block's measure at each publication, one line per value of
    /// `series` (or one line for all rows). With `done`, the measure is the share of rows
    /// meeting it (a completion rate); else the block's `aggregate` (the count by default).
    func trendData(points: [TrendPoint], diagnostics: inout Diagnostics) -> ChartData? {
        let errorsBefore = diagnostics.errorCount
        let seriesField = options.series.flatMap { field($0, flat: true, diagnostics: &diagnostics) }
        let doneField = options.done.flatMap { field($0.field, diagnostics: &diagnostics) }
        let measure = options.done == nil ? measure(diagnostics: &diagnostics) : .count
        guard let measure, diagnostics.errorCount == errorsBefore else { return nil }
        var keys: [DataValue] = []
        var values: [[DataValue: Decimal]] = []
        for point in points {
            // A snapshot's fields are today's where names match: problems are reported once, on today's data.
            let query = DataQuery(dataset: point.dataset, options: options, fence: fence, datasets: datasets)
            var ignored = Diagnostics()
            let rows = query.filteredRows(diagnostics: &ignored)
            let groups = seriesField.map { Self.groups(rows, by: $0.name) } ?? [(DataValue.string("合计"), rows)]
            var byKey: [DataValue: Decimal] = [:]
            for (key, members) in groups {
                if !keys.contains(key) { keys.append(key) }
                byKey[key] = value(of: members, measure: measure, done: doneField)
            }
            values.append(byKey)
        }
        if let seriesField {
            let order = column(for: seriesField).order
            keys = keys.enumerated().sorted { a, b in
                order.ascending(a.element, b.element) || (!order.ascending(b.element, a.element) && a.offset < b.offset)
            }.map(\.element)
        }
        let seriesColumn = seriesField.map(column(for:))
        let series = keys.map { key in
            ChartData.Series(name: seriesColumn?.text(key) ?? (options.done == nil ? column(for: measure).title : "完成率"), values: values.map { $0[key] ?? 0 })
        }
        let valueField = options.aggregate?.field.flatMap { dataset.field(named: $0.value) }
        let format = options.format ?? (options.done != nil ? .ratio : (measure == .count ? .integer : ValueFormat.natural(for: valueField)))
        return ChartData(
            categoryTitle: "发布日期", categories: points.map(\.label), categoryValues: points.map(\.date), series: series, format: format,
            decimals: options.decimals ?? valueField?.decimals, fieldUnit: valueField?.unit)
    }

    private func value(of rows: [DataRow], measure: Measure, done: DataField?) -> Decimal {
        guard let done, let condition = options.done else { return Self.evaluate(measure, over: rows).decimal ?? 0 }
        guard !rows.isEmpty else { return 0 }
        let count = rows.count { row in condition.values.contains { row[done.name].matchesFilter($0) } }
        return Decimal(count) / Decimal(rows.count)
    }
}
