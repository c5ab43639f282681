import Foundation

/// Filters, groups, aggregates, sorts and limits a dataset as a block's options say,
/// checking every field name against the dataset on the way.
///
/// Sums and means are computed in `Decimal`; empty cells are left out of both.
struct DataQuery {
    /// An aggregate whose field has been resolved.
    enum Measure: Sendable, Equatable {
        case count
        case sum(String)
        case mean(String)
    }

    let dataset: Dataset
    let options: DataBlockOptions
    /// The block's opening fence, for problems with the block as a whole.
    let fence: SourceLocation
    /// Every dataset of the site, so that a field referencing another sorts in its order.
    var datasets: [String: Dataset] = [:]

    /// The field `name` refers to, or `nil` after an unknown-field (or not-numeric) error.
    /// - Parameter flat: refuse lists and mappings (`type: array|object`), as charts must.
    func field(_ name: OptionValue<String>, numeric: Bool = false, flat: Bool = false, diagnostics: inout Diagnostics) -> DataField? {
        guard let field = dataset.field(named: name.value) else {
            diagnostics.error(
                .dataBlockUnknownField(name.value, dataset: dataset.name), at: name.location,
                notes: ["fields of `\(dataset.name)`: \(dataset.fields.map(\.name).joined(separator: ", "))"])
            return nil
        }
        if flat && (field.type == .array || field.type == .object) {
            diagnostics.error(.dataBlockNestedField(field.name, type: field.type.rawValue), at: name.location)
            return nil
        }
        if numeric && !(field.type == .integer || field.type == .number || field.type == .any) {
            diagnostics.error(.dataBlockNotNumeric(field.name, type: field.type.rawValue), at: name.location)
            return nil
        }
        return field
    }

    /// The rows that pass every `filter` condition.
    func filteredRows(diagnostics: inout Diagnostics) -> [DataRow] {
        let conditions = options.filters.filter { field($0.field, diagnostics: &diagnostics) != nil }
        guard !conditions.isEmpty else { return dataset.rows }
        return dataset.rows.filter { row in
            conditions.allSatisfy { condition in condition.values.contains { row[condition.field.value].matchesFilter($0) } }
        }
    }

    /// Rows grouped by a field's value, groups in order of first appearance.
    static func groups(_ rows: [DataRow], by field: String) -> [(key: DataValue, rows: [DataRow])] {
        var order: [DataValue] = []
        var members: [DataValue: [DataRow]] = [:]
        for row in rows {
            let key = row[field]
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// `count` of the rows, or the `Decimal` sum or mean of a field over its non-empty cells.
    static func evaluate(_ measure: Measure, over rows: [DataRow]) -> DataValue {
        switch measure {
        case .count:
            return .integer(rows.count)
        case .sum(let field):
            return .number(rows.reduce(Decimal(0)) { $0 + ($1[field].decimal ?? 0) })
        case .mean(let field):
            let values = rows.compactMap { $0[field].decimal }
            guard !values.isEmpty else { return .null }
            return .number(values.reduce(Decimal(0), +) / Decimal(values.count))
        }
    }

    /// The measure of `aggregate`, its field checked; `fallback` names the field of a bare `sum`/`mean`.
    func measure(fallback: OptionValue<String>? = nil, diagnostics: inout Diagnostics) -> Measure? {
        switch options.aggregate {
        case nil, .count?: return .count
        case .sum(let name)?:
            guard let name = name ?? fallback, let field = field(name, numeric: true, diagnostics: &diagnostics)
            else { return nil }
            return .sum(field.name)
        case .mean(let name)?:
            guard let name = name ?? fallback, let field = field(name, numeric: true, diagnostics: &diagnostics)
            else { return nil }
            return .mean(field.name)
        }
    }

    /// The column a measure produces.
    func column(for measure: Measure) -> ResultTable.Column {
        switch measure {
        case .count:
            return .init(name: "count", title: "数量", format: .integer, numeric: true)
        case .sum(let name), .mean(let name):
            let field = dataset.field(named: name)
            let title = field?.title ?? name
            return .init(
                name: name, title: measure == .sum(name) ? title + "合计" : "平均" + title,
                format: ValueFormat.natural(for: field), decimals: field?.decimals, fieldUnit: field?.unit,
                numeric: true)
        }
    }

    func column(for field: DataField) -> ResultTable.Column {
        .init(
            name: field.name, title: field.title, format: ValueFormat.natural(for: field), decimals: field.decimals,
            fieldUnit: field.unit, numeric: field.type == .integer || field.type == .number,
            order: TextOrder.of(field: field.name, in: dataset, datasets: datasets))
    }

    /// The table a `table` block shows: rows as they are, or one row per group with its aggregate.
    func table(diagnostics: inout Diagnostics) -> ResultTable? {
        let errorsBefore = diagnostics.errorCount
        let rows = filteredRows(diagnostics: &diagnostics)
        var result: ResultTable
        if options.groupBy != nil || options.aggregate != nil {
            let group = options.groupBy.flatMap { field($0, diagnostics: &diagnostics) }
            guard let measure = measure(diagnostics: &diagnostics), diagnostics.errorCount == errorsBefore else {
                return nil
            }
            let groups = group.map { Self.groups(rows, by: $0.name) } ?? [(.null, rows)]
            result = ResultTable(
                columns: (group.map { [column(for: $0)] } ?? []) + [column(for: measure)],
                rows: groups.map { (group == nil ? [] : [$0.key]) + [Self.evaluate(measure, over: $0.rows)] })
        } else {
            let fields =
                (options.columns?.map(\.field)
                ?? dataset.fields.map {
                    OptionValue(value: $0.name, location: fence)
                }).compactMap { field($0, diagnostics: &diagnostics) }
            result = ResultTable(
                columns: fields.map(column(for:)), rows: rows.map { row in fields.map { row[$0.name] } })
        }
        // Columns given with a grouped table rename and reformat the computed columns.
        if let columns = options.columns, options.groupBy != nil || options.aggregate != nil {
            var chosen: [Int] = []
            for spec in columns {
                guard let index = result.index(of: spec.field.value) else {
                    diagnostics.error(
                        .dataBlockUnknownField(spec.field.value, dataset: dataset.name), at: spec.field.location,
                        notes: ["columns of this grouped table: \(result.columns.map(\.name).joined(separator: ", "))"])
                    continue
                }
                chosen.append(index)
            }
            result = ResultTable(
                columns: chosen.map { result.columns[$0] }, rows: result.rows.map { row in chosen.map { row[$0] } })
        }
        for spec in options.columns ?? [] {
            guard let index = result.index(of: spec.field.value) else { continue }
            if let title = spec.title { result.columns[index].title = title }
            if let format = spec.format {
                // Schema decimals belong to the field's own unit, not to 亿元 or a percentage.
                if format != result.columns[index].format { result.columns[index].decimals = nil }
                result.columns[index].format = format
            }
        }
        guard sortAndLimit(&result, diagnostics: &diagnostics), diagnostics.errorCount == errorsBefore else {
            return nil
        }
        return result
    }

    /// Applies `sort` (stable, by each key in turn, text in its column's ``TextOrder``) and
    /// `limit`; false after an unknown sort field.
    func sortAndLimit(_ table: inout ResultTable, diagnostics: inout Diagnostics) -> Bool {
        var keys: [(index: Int, descending: Bool, order: TextOrder)] = []
        for key in options.sort {
            guard let index = table.index(of: key.field.value) else {
                diagnostics.error(
                    .dataBlockUnknownField(key.field.value, dataset: dataset.name), at: key.field.location,
                    notes: ["sortable columns: \(table.columns.map(\.name).joined(separator: ", "))"])
                return false
            }
            keys.append((index, key.descending, table.columns[index].order))
        }
        if !keys.isEmpty {
            table.rows = table.rows.enumerated().sorted { a, b in
                for key in keys {
                    let x = a.element[key.index]
                    let y = b.element[key.index]
                    if key.order.ascending(x, y) { return !key.descending || y.isNull }
                    if key.order.ascending(y, x) { return key.descending && !x.isNull }
                }
                return a.offset < b.offset
            }.map(\.element)
        }
        if let limit = options.limit { table.rows = Array(table.rows.prefix(limit)) }
        return true
    }
}
