import Foundation

/// The drawn views: `chart`, `progress` and `timeline`.
extension DataBlockRenderer {
    static func chart(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        guard let data = query.chartData(diagnostics: &diagnostics) else { return nil }
        let title = query.options.title ?? query.dataset.title
        let description = query.options.description ?? data.summary
        let svg: String
        switch query.options.chartType ?? .bar {
        case .bar: svg = BarChart(data: data, stacked: false).svg(id: id, title: title, description: description)
        case .stackedBar: svg = BarChart(data: data, stacked: true).svg(id: id, title: title, description: description)
        case .donut: svg = RingChart.donut(data, id: id, title: title, description: description)
        case .line: svg = LineChart(data: data).svg(id: id, title: title, description: description)
        case .ring:
            // Ring values are percentages (or fractions with `format: ratio`) of the first series.
            let values = data.series.first?.values ?? []
            let items = zip(data.categories, values).map { category, value in
                (label: category, ratio: data.format == .ratio ? value : value / 100, detail: String?.none)
            }
            svg = RingChart.rings(items, id: id, title: title, description: description)
        }
        return figure(
            id: id, title: title, unit: data.unit, description: query.options.description, svg: svg, table: data.table)
    }

    /// One ring (or bar) per group: the share of rows meeting `done`, e.g. villages 已完工 or 已验收.
    static func progress(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        let errorsBefore = diagnostics.errorCount
        let options = query.options
        guard let done = options.done else {
            diagnostics.error(.dataBlockMissingOption("done", view: "progress"), at: query.fence)
            return nil
        }
        let rows = query.filteredRows(diagnostics: &diagnostics)
        let group = options.groupBy.flatMap { query.field($0, diagnostics: &diagnostics) }
        let doneField = query.field(done.field, diagnostics: &diagnostics)
        guard let doneField, diagnostics.errorCount == errorsBefore else { return nil }
        let groups = group.map { DataQuery.groups(rows, by: $0.name) } ?? [(.string("合计"), rows)]
        var table = ResultTable(
            columns: [
                group.map(query.column(for:)) ?? .init(name: "group", title: "范围", numeric: false),
                .init(name: "done", title: done.values.joined(separator: "、"), format: .integer, numeric: true),
                .init(name: "total", title: "总数", format: .integer, numeric: true),
                .init(name: "percent", title: "完成率", format: .ratio, numeric: true),
            ],
            rows: groups.map { key, members in
                let count = members.count { row in done.values.contains { row[doneField.name].matchesFilter($0) } }
                let ratio = members.isEmpty ? Decimal(0) : Decimal(count) / Decimal(members.count)
                return [key, .integer(count), .integer(members.count), .number(ratio)]
            })
        guard query.sortAndLimit(&table, diagnostics: &diagnostics) else { return nil }
        let title = options.title ?? query.dataset.title
        let labels = table.rows.map { table.columns[0].text($0[0]) }
        let ratios = table.rows.map { $0[3].decimal ?? 0 }
        let details = table.rows.map { "\($0[1].description)/\($0[2].description)" }
        let summary =
            zip(labels, zip(ratios, details)).map { "\($0)：\(ChineseFormat.percent($1.0))（\($1.1)）" }
            .joined(separator: "；") + "。"
        let description = options.description ?? summary
        let svg: String
        if options.progressBars {
            let data = ChartData(
                categoryTitle: table.columns[0].title, categories: labels, categoryValues: table.rows.map { $0[0] },
                series: [.init(name: "完成率", values: ratios)], format: .ratio, decimals: nil, fieldUnit: nil)
            svg = BarChart(data: data, stacked: false, fullScale: 1).svg(id: id, title: title, description: description)
        } else {
            svg = RingChart.rings(
                Array(zip(labels, zip(ratios, details)).map { (label: $0, ratio: $1.0, detail: String?.some($1.1)) }),
                id: id, title: title, description: description)
        }
        return figure(id: id, title: title, unit: nil, description: options.description, svg: svg, table: table)
    }

    /// A roadmap from `start`/`end`/`label` fields; dates or whole years (`2025`).
    static func timeline(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        let errorsBefore = diagnostics.errorCount
        let options = query.options
        for (name, value) in [("start", options.start), ("label", options.label)] where value == nil {
            diagnostics.error(.dataBlockMissingOption(name, view: "timeline"), at: query.fence)
        }
        let rows = query.filteredRows(diagnostics: &diagnostics)
        var fields: [DataField] = []
        for name in [options.label, options.start, options.end].compactMap({ $0 }) {
            guard let field = query.field(name, diagnostics: &diagnostics) else { continue }
            if name.value != options.label?.value && ![.date, .integer, .any].contains(field.type) {
                diagnostics.error(.dataBlockNotDate(field.name), at: name.location)
            }
            fields.append(field)
        }
        guard diagnostics.errorCount == errorsBefore, fields.count >= 2 else { return nil }
        var table = ResultTable(
            columns: fields.map(query.column(for:)), rows: rows.map { row in fields.map { row[$0.name] } })
        for index in table.columns.indices.dropFirst() {
            table.columns[index].format = options.format ?? .month
            table.columns[index].numeric = false
        }
        guard query.sortAndLimit(&table, diagnostics: &diagnostics) else { return nil }
        let format = options.format ?? .month
        func text(_ value: DataValue) -> String {
            if case .integer(let year) = value { return "\(year)年" }
            return format.cell(value, decimals: nil)
        }
        let items: [TimelineChart.Item] = table.rows.compactMap { row in
            guard let start = row[1].asDate(endOfYear: false) else { return nil }
            let end = row.count > 2 ? row[2].asDate(endOfYear: true) : nil
            let dates = end.map { _ in ChineseFormat.range(text(row[1]), text(row[2])) } ?? text(row[1])
            return TimelineChart.Item(label: table.columns[0].text(row[0]), start: start, end: end, dates: dates)
        }
        let title = options.title ?? query.dataset.title
        let description = options.description ?? items.map { "\($0.label)：\($0.dates)" }.joined(separator: "；") + "。"
        let svg = TimelineChart(items: items).svg(id: id, title: title, description: description)
        return figure(id: id, title: title, unit: nil, description: options.description, svg: svg, table: table)
    }
}

extension DataValue {
    /// A date, or a whole year read as its first (or last) day.
    func asDate(endOfYear: Bool) -> DataValue? {
        switch self {
        case .date: self
        case .integer(let year): endOfYear ? .date(year: year, month: 12, day: 31) : .date(year: year, month: 1, day: 1)
        default: nil
        }
    }
}

extension DataBlockRenderer {
    /// `over: snapshots`: a line per group across the snapshots and the current data, with
    /// the target as a reference line. Without snapshots, the current data alone.
    func trend(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        let name = query.dataset.name
        var points = snapshots.snapshots.compactMap { snapshot in
            snapshot.datasets[name].map { TrendPoint(label: snapshot.dateText, date: Self.dateValue(snapshot.date), dataset: $0) }
        }
        points.append(TrendPoint(label: "当前", date: .null, dataset: query.dataset))
        guard let data = query.trendData(points: points, diagnostics: &diagnostics) else { return nil }
        let title = query.options.title ?? query.dataset.title
        var chart = LineChart(data: data)
        // Dates are wide and trends often have many close lines: more room than a plain line chart.
        chart.nameGap = 22
        chart.categoryDrop = 10
        var description = query.options.description ?? data.summary
        if let target = query.options.target {
            let value = data.format == .ratio && target.value > 1 ? target.value / 100 : target.value
            let label = [target.label ?? "目标", data.label(value), target.date.map { Snapshot.chineseDate($0) + "前" }].compactMap { $0 }.joined(separator: " ")
            chart.target = LineChart.Target(value: value, label: label)
            if query.options.description == nil { description += "目标：" + label + "。" }
        }
        let svg = chart.svg(id: id, title: title, description: description)
        return Self.figure(id: id, title: title, unit: data.unit, description: query.options.description, svg: svg, table: data.table)
    }

    static func dateValue(_ iso: String) -> DataValue {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? .date(year: parts[0], month: parts[1], day: parts[2]) : .null
    }
}
