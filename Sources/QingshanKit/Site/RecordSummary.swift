import Foundation

/// What a record page leads with, read from the dataset's schema rather than written for
/// villages (issue 19): a reader sees the state first, then how far it has come, then the
/// parts, then where it belongs; the full record table follows.
///
/// - **badge**: the first field with an `enum` constraint (its value, and its state);
/// - **meters**: numeric fields whose unit is `%` (0–100), drawn as `<meter>`;
/// - **checklist**: the other enum fields with the badge's enum (the tasks and their states);
/// - **facts**: first the text fields that group rows (a foreign key, or a value several
///   rows share, such as county and town), each a link to the collection's list filtered
///   by its value; then the remaining fields except the primary key and the title's fields.
///
/// A state is `todo` for an enum's first value, `done` for its second half (已完工, 已验收
/// of 未开工, 在建, 已完工, 已验收), `doing` otherwise; the text always says it, the mark and
/// colour only support it.
struct RecordSummary {
    let dataset: Dataset
    let row: DataRow
    /// The row's text fields that group rows (``groupingFields(in:)``).
    let grouping: Set<String>
    /// The collection's list (the parent page), relative to the record page; nil without one.
    let listURL: String?
    /// The fields the title pattern uses, left out of the facts.
    let titleFields: Set<String>

    func values() -> [String: TemplateValue] {
        let enums = dataset.fields.compactMap { field in
            dataset.schema?.field(named: field.name)?.constraints.enumValues.map { (field, $0) }
        }
        var used = titleFields.union(dataset.schema?.primaryKey ?? [])
        var summary: [String: TemplateValue] = [:]
        if let (field, values) = enums.first {
            summary["badge"] = item(field, states: values)
            let tasks = enums.dropFirst().filter { $0.1 == values }
            if !tasks.isEmpty { summary["checklist"] = ["items": .list(tasks.map { item($0.0, states: $0.1) })] }
            used.formUnion([field.name] + tasks.map(\.0.name))
        }
        let meters = dataset.fields.filter { $0.unit == "%" && row[$0.name].decimal != nil }
        if !meters.isEmpty { summary["meters"] = .list(meters.map(meter)) }
        used.formUnion(meters.map(\.name))
        let links = dataset.fields.filter { !used.contains($0.name) && grouping.contains($0.name) }
        used.formUnion(links.map(\.name))
        let facts = dataset.fields.filter { !used.contains($0.name) && !row[$0.name].isNull }
        // Lists sit in a map so that a template writes its <ul>/<dl> once, only when there are items.
        if !links.isEmpty || !facts.isEmpty { summary["facts"] = ["items": .list(links.map(link) + facts.map(fact))] }
        return summary
    }

    /// A field's title, value and state in its enum.
    func item(_ field: DataField, states: [String]) -> TemplateValue {
        let value = row[field.name].description
        let index = states.firstIndex(of: value) ?? 0
        let state = index == 0 ? "todo" : (Double(index) >= Double(states.count) / 2 ? "done" : "doing")
        let mark = ["todo": "○", "doing": "◐", "done": "✓"][state] ?? ""
        return ["title": .string(field.title), "value": .string(value), "state": .string(state), "mark": .string(mark)]
    }

    func meter(_ field: DataField) -> TemplateValue {
        let value = row[field.name].decimal ?? 0
        let clamped = min(100, max(0, value))
        return [
            "id": .string("record-\(field.name)"), "title": .string(field.title),
            "value": .string(clamped.description), "text": .string(ChineseFormat.percent(clamped / 100)),
        ]
    }

    /// Per row, its text fields that place it in a group: a foreign key, or a value another
    /// row shares. One pass over the rows per field, so a large collection stays linear.
    static func groupingFields(in dataset: Dataset) -> [[String]] {
        var result = [[String]](repeating: [], count: dataset.rows.count)
        for field in dataset.fields where field.type == .string || field.type == .any {
            let isKey = dataset.schema?.foreignKeys.contains { $0.fields == [field.name] } == true
            var counts: [DataValue: Int] = [:]
            if !isKey { for row in dataset.rows { counts[row[field.name], default: 0] += 1 } }
            for (index, row) in dataset.rows.enumerated() where !row[field.name].isNull {
                if isKey || counts[row[field.name], default: 0] >= 2 { result[index].append(field.name) }
            }
        }
        return result
    }

    func link(_ field: DataField) -> TemplateValue {
        let value = row[field.name].description
        var item: [String: TemplateValue] = ["title": .string(field.title), "text": .string(value), "isLink": false]
        if let listURL {
            item["isLink"] = true
            // tables.js reads `filter` and fills the list's filter box; without it the list is whole.
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "&=+#")
            item["url"] = .string(listURL + "?filter=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
        }
        return .map(item)
    }

    func fact(_ field: DataField) -> TemplateValue {
        ["title": .string(field.title), "text": .string(Self.text(row[field.name], field: field)), "isLink": false]
    }

    /// A value as a reader sees it, with its unit: `60%`, `76.8 万元`, `已完工`.
    static func text(_ value: DataValue, field: DataField) -> String {
        let format = ValueFormat.natural(for: field)
        var text = format?.cell(value, decimals: field.decimals) ?? value.description
        if let unit = format?.unit(fieldUnit: field.unit) ?? field.unit { text += unit == "%" ? "%" : " " + unit }
        return text
    }
}
