import Foundation

/// Checks a typed dataset against its schema's constraints, keys and totals. Every
/// violation is collected, so one run reports them all.
enum DatasetValidator {
    /// Checks constraints and the primary key. `untyped` holds the cells that already earned a
    /// type error (row line, field), so an unreadable cell is not also reported as missing.
    static func checkConstraints(_ dataset: Dataset, schema: TableSchema, untyped: Set<CellKey>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in schema.fields {
            let c = field.constraints
            let required = c.required || schema.primaryKey.contains(field.name)
            let pattern = c.pattern.flatMap { try? Regex($0) }
            let minimum = c.minimum.flatMap { bound($0, for: field) }
            let maximum = c.maximum.flatMap { bound($0, for: field) }
            var seen: [String: SourceLocation] = [:]
            for (index, row) in dataset.rows.enumerated() {
                let value = row[field.name]
                let location = row.location(of: field.name)
                if value.isNull {
                    if required && !untyped.contains(CellKey(line: row.location.line ?? index, field: field.name)) {
                        diagnostics.append(.error(.valueRequired(field: field.name), at: location))
                    }
                    continue
                }
                // Read by the unique and enum checks only: describing every cell was half of
                // this check (the other messages describe the value when they are made).
                let text = c.unique || c.enumValues != nil ? value.description : ""
                if c.unique {
                    if let first = seen[text] {
                        diagnostics.append(
                            .error(
                                .valueNotUnique(field: field.name, value: text), at: location, notes: ["first seen at \(first)"]))
                    } else {
                        seen[text] = location
                    }
                }
                if let allowed = c.enumValues, !allowed.contains(text) {
                    diagnostics.append(.error(.valueNotInEnum(field: field.name, value: text, allowed: allowed), at: location))
                }
                if let minimum, let order = compare(value, minimum), order < 0 {
                    diagnostics.append(.error(.valueBelowMinimum(field: field.name, value: value.description, minimum: c.minimum!), at: location))
                }
                if let maximum, let order = compare(value, maximum), order > 0 {
                    diagnostics.append(.error(.valueAboveMaximum(field: field.name, value: value.description, maximum: c.maximum!), at: location))
                }
                if let pattern, case .string(let string) = value, (try? pattern.wholeMatch(in: string)) == nil {
                    diagnostics.append(.error(.valuePattern(field: field.name, value: string, pattern: c.pattern!), at: location))
                }
            }
        }
        if schema.primaryKey.count > 1 {
            var seen: [String: SourceLocation] = [:]
            for row in dataset.rows {
                let values = schema.primaryKey.map { row[$0] }
                if values.contains(where: \.isNull) { continue }
                let key = values.map(\.description).joined(separator: ", ")
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            .primaryKeyDuplicate(fields: schema.primaryKey, value: key), at: row.location,
                            notes: ["first seen at \(first)"]))
                } else {
                    seen[key] = row.location
                }
            }
        } else if let only = schema.primaryKey.first, schema.field(named: only)?.constraints.unique != true {
            var seen: [String: SourceLocation] = [:]
            for row in dataset.rows where !row[only].isNull {
                let key = row[only].description
                if let first = seen[key] {
                    diagnostics.append(
                        .error(
                            .primaryKeyDuplicate(fields: [only], value: key), at: row.location(of: only),
                            notes: ["first seen at \(first)"]))
                } else {
                    seen[key] = row.location(of: only)
                }
            }
        }
        return diagnostics
    }

    /// Takes the stated total rows out of `dataset` and checks each summed field against the
    /// sum of the remaining rows (empty cells count as nothing).
    static func checkTotals(_ dataset: inout Dataset, totals: TableSchema.Totals) -> [Diagnostic] {
        let isTotal = { (row: DataRow) in row[totals.field].description == totals.label }
        let totalRows = dataset.rows.filter(isTotal)
        dataset.rows.removeAll(where: isTotal)
        guard !totalRows.isEmpty else {
            return [.error(.totalRowMissing(label: totals.label, field: totals.field), at: totals.location)]
        }
        var diagnostics: [Diagnostic] = []
        for field in totals.sum {
            let sum = dataset.rows.reduce(Decimal(0)) { $0 + ($1[field].decimal ?? 0) }
            for total in totalRows {
                guard let stated = total[field].decimal else { continue }
                if stated != sum {
                    diagnostics.append(
                        .error(
                            .totalMismatch(field: field, stated: stated.description, sum: sum.description),
                            at: total.location(of: field)))
                }
            }
        }
        return diagnostics
    }

    /// Checks every foreign key of every dataset once all datasets are loaded. Empty cells
    /// are not checked (Table Schema leaves them to `required`).
    static func checkForeignKeys(datasets: [String: Dataset], schemas: [String: TableSchema]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in schemas.keys.sorted() {
            guard let schema = schemas[name], let dataset = datasets[name] else { continue }
            for key in schema.foreignKeys {
                let resource = key.resource.isEmpty ? name : key.resource
                guard let target = datasets[resource] else {
                    diagnostics.append(.error(.schemaUnknownResource(resource), at: key.location))
                    continue
                }
                if let missing = key.referenceFields.first(where: { field in target.field(named: field) == nil }) {
                    diagnostics.append(.error(.schemaUnknownField(missing, in: "foreignKeys.reference"), at: key.location))
                    continue
                }
                let known = Set(target.rows.map { row in key.referenceFields.map { row[$0].description } })
                for row in dataset.rows {
                    let values = key.fields.map { row[$0] }
                    if values.contains(where: \.isNull) { continue }
                    let texts = values.map(\.description)
                    if !known.contains(texts) {
                        diagnostics.append(
                            .error(
                                .foreignKeyMissing(
                                    fields: key.fields, value: texts.joined(separator: ", "), resource: resource,
                                    referenceFields: key.referenceFields),
                                at: row.location(of: key.fields[0])))
                    }
                }
            }
        }
        return diagnostics
    }

    /// A bound typed like the field, so `minimum: 0` compares as a number and a date as a date.
    private static func bound(_ text: String, for field: TableSchema.Field) -> DataValue? {
        guard case .success(let value) = FieldValueParser.parse(text, as: field.type, field: field.name) else { return nil }
        return value
    }

    private static func compare(_ a: DataValue, _ b: DataValue) -> Int? {
        if let x = a.decimal, let y = b.decimal { return x < y ? -1 : (x > y ? 1 : 0) }
        if case .date(let y1, let m1, let d1) = a, case .date(let y2, let m2, let d2) = b {
            let l = (y1, m1, d1)
            let r = (y2, m2, d2)
            return l < r ? -1 : (l > r ? 1 : 0)
        }
        return nil
    }
}

/// A cell by the line its row starts on and its field name.
struct CellKey: Hashable, Sendable {
    var line: Int
    var field: String
}
