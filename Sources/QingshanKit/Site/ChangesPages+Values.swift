import Foundation

extension ChangesPages {
    /// `changes` as the layout sees it (see docs/TEMPLATES.md, "本期变化").
    func values(for entry: Entry, archived: [Entry]) -> TemplateValue {
        let from = entry.page.outputPath
        var values: [String: TemplateValue] = ["isArchive": .bool(entry.isArchive)]
        if let period = entry.period {
            values["hasBaseline"] = true
            values["from"] = .string(period.from)
            values["fromText"] = .string(Snapshot.chineseDate(period.from))
            values["toText"] = .string(period.to.map(Snapshot.chineseDate) ?? "当前数据")
            if let note = period.note, !note.isEmpty { values["note"] = .string(note) }
            values["hasChanges"] = .bool(period.hasChanges)
            values["summaries"] = .list(summaryLines(period).map { ["text": .string($0)] })
            values["datasets"] = .list(period.datasets.filter(\.hasChanges).map { datasetValue($0, from: from) })
        }
        if entry.isArchive {
            values["indexURL"] = .string(SitePaths.link(from: from, to: Self.indexPath))
        } else {
            values["periods"] = .list(
                archived.map { other in
                    [
                        "title": .string(other.page.frontMatter.title), "url": .string(SitePaths.link(from: from, to: other.page.outputPath)),
                        "summary": .string(other.page.frontMatter.summary),
                    ]
                })
            values["hasPeriods"] = .bool(!archived.isEmpty)
        }
        return .map(values)
    }

    private func datasetValue(_ comparison: DataComparison, from: String) -> TemplateValue {
        let name = comparison.name
        var value: [String: TemplateValue] = [
            "title": .string(comparison.title), "sample": .bool(datasets[name]?.sample ?? false), "isNew": .bool(comparison.isNew),
        ]
        if comparison.key.isEmpty && !comparison.isNew {
            value["whole"] = ["text": .string("本数据集没有主键（primaryKey），只能整体比较：与上次发布相比有变化。")]
            return .map(value)
        }
        func link(_ row: DataRow) -> [String: TemplateValue] {
            let key = DataComparison.keyText(row, comparison.key)
            var item: [String: TemplateValue] = ["title": .string(recordTitle(row, dataset: name, key: key)), "key": .string(key)]
            if let output = recordOutputs[name]?[key] { item["url"] = .string(SitePaths.link(from: from, to: output)) }
            return item
        }
        value["counts"] = .string("新增 \(comparison.added.count) 条，删除 \(comparison.removed.count) 条，变化 \(comparison.changed.count) 条")
        if !comparison.added.isEmpty { value["added"] = ["items": .list(comparison.added.map { .map(link($0)) })] }
        if !comparison.removed.isEmpty { value["removed"] = ["items": .list(comparison.removed.map { .map(link($0)) })] }
        if !comparison.changed.isEmpty {
            let items: [TemplateValue] = comparison.changed.map { change in
                var item = link(change.row)
                item["fields"] = .list(
                    change.fields.map { field in
                        [
                            "title": .string(field.field.title), "old": .string(Self.display(field.old, field: field.field)),
                            "new": .string(Self.display(field.new, field: field.field)),
                        ]
                    })
                return .map(item)
            }
            value["changed"] = ["items": .list(items)]
        }
        return .map(value)
    }
}
