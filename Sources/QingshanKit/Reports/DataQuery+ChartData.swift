import Foundation

extension ChartData {
    /// The accessible alternative: one row per category, one column per series.
    var table: ResultTable {
        var columns = [ResultTable.Column(name: "category", title: categoryTitle, numeric: false)]
        for series in series {
            columns.append(
                .init(
                    name: series.name, title: series.name, format: format, decimals: decimals,
                    fieldUnit: fieldUnit, numeric: true))
        }
        let rows = categories.indices.map { index in
            [DataValue.string(categories[index])] + series.map { DataValue.number($0.values[index]) }
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

extension DataQuery {
    /// The categories (`x`) and series (`y` fields, or the values of `series`) of a chart,
    /// each value the block's aggregate (by default the sum of `y`, or the count of rows).
    func chartData(diagnostics: inout Diagnostics) -> ChartData? {
        let errorsBefore = diagnostics.errorCount
        let type = options.chartType ?? .bar
        guard let xName = options.x else {
            diagnostics.error(.dataBlockMissingOption("x", view: "chart"), at: fence)
            return nil
        }
        let rows = filteredRows(diagnostics: &diagnostics)
        let x = field(xName, flat: true, diagnostics: &diagnostics)
        let ys = options.y.compactMap { field($0, numeric: true, diagnostics: &diagnostics) }
        let seriesField = options.series.flatMap { field($0, flat: true, diagnostics: &diagnostics) }
        // A bare `aggregate: sum|mean`, or none with `y` given, applies to each `y` field.
        var measures: [(name: String, measure: Measure)] = []
        if options.y.isEmpty {
            guard let measure = measure(diagnostics: &diagnostics) else { return nil }
            measures = [(column(for: measure).title, measure)]
        } else {
            for field in ys {
                let measure: Measure
                switch options.aggregate {
                case .count?: measure = .count
                case .mean(let explicit)?:
                    measure = .mean(explicit.flatMap { self.field($0, numeric: true, diagnostics: &diagnostics) }?.name ?? field.name)
                default: measure = .sum(field.name)
                }
                measures.append((field.title, measure))
            }
        }
        guard let x, diagnostics.errorCount == errorsBefore else { return nil }
        let xColumn = column(for: x)
        var groups = Self.groups(rows, by: x.name)
        if !options.sort.isEmpty {
            // Sorting a chart orders its categories: by `x` itself, or by the first measure.
            let descending = options.sort[0].descending
            let byX = options.sort[0].field.value == x.name
            guard byX || options.sort[0].field.value == (measures.first.map { column(for: $0.measure).name } ?? "") else {
                diagnostics.error(
                    .dataBlockUnknownField(options.sort[0].field.value, dataset: dataset.name),
                    at: options.sort[0].field.location, notes: ["a chart sorts by its `x` field or its value"])
                return nil
            }
            let keyed = groups.map { group in
                (group, byX ? group.key : Self.evaluate(measures[0].measure, over: group.rows))
            }
            groups = keyed.enumerated().sorted { a, b in
                if xColumn.order.ascending(a.element.1, b.element.1) { return !descending }
                if xColumn.order.ascending(b.element.1, a.element.1) { return descending }
                return a.offset < b.offset
            }.map(\.element.0)
        }
        if let limit = options.limit { groups = Array(groups.prefix(limit)) }
        var series: [ChartData.Series] = []
        if let seriesField {
            let measure = measures.first?.measure ?? .count
            // Series in the order the field declares (an enum's: 未开工, 在建, 已完工, 已验收; a
            // referenced dataset's), else as they first appear.
            let order = column(for: seriesField).order
            var keys = Self.groups(rows, by: seriesField.name).map(\.key)
            if !order.listed.isEmpty {
                keys = keys.enumerated().sorted { a, b in
                    order.ascending(a.element, b.element) || (!order.ascending(b.element, a.element) && a.offset < b.offset)
                }.map(\.element)
            }
            for key in keys {
                let values = groups.map { group in
                    Self.evaluate(measure, over: group.rows.filter { $0[seriesField.name] == key }).decimal ?? 0
                }
                series.append(.init(name: key.description, values: values))
            }
        } else {
            for (name, measure) in measures {
                series.append(.init(name: name, values: groups.map { Self.evaluate(measure, over: $0.rows).decimal ?? 0 }))
            }
        }
        let valueField = ys.first ?? options.aggregate?.field.flatMap { dataset.field(named: $0.value) }
        var format = options.format ?? (measures.first?.measure == .count ? .integer : ValueFormat.natural(for: valueField))
        if type == .ring && format == nil { format = .percent }
        return ChartData(
            categoryTitle: xColumn.title,
            categories: groups.map { xColumn.text($0.key) },
            categoryValues: groups.map(\.key),
            series: series, format: format,
            decimals: options.decimals ?? valueField?.decimals, fieldUnit: valueField?.unit)
    }
}
