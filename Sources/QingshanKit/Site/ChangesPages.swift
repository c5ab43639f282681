import Foundation

/// The 本期变化 pages: `changes/index.html` (the current data against the latest snapshot,
/// with the earlier periods listed) and `changes/DATE/index.html` for each earlier period
/// (a snapshot against the one before it), rendered with the theme's `changes` layout.
/// Every value comes from `content/`; no date is taken from the clock.
struct ChangesPages {
    static let layout = "changes"
    static let folder = "changes"
    static let indexPath = "changes/index.html"
    static let title = "本期变化"

    let model: SiteModel
    let archive: SnapshotArchive
    let datasets: [String: Dataset]
    /// Record page by dataset name and primary-key text, for links.
    let recordOutputs: [String: [String: String]]
    /// The title pattern of each dataset's collection, for records without a page.
    let titlePatterns: [String: String]

    init(model: SiteModel, archive: SnapshotArchive, datasets: [String: Dataset], records: [CollectionPages.Entry]) {
        self.model = model
        self.archive = archive
        self.datasets = datasets
        var outputs: [String: [String: String]] = [:]
        for entry in records {
            guard let dataset = datasets[entry.dataset], let key = dataset.schema?.primaryKey, !key.isEmpty else { continue }
            outputs[entry.dataset, default: [:]][DataComparison.keyText(dataset.rows[entry.row], key)] = entry.page.outputPath
        }
        recordOutputs = outputs
        var patterns: [String: String] = [:]
        for collection in model.config.collections where patterns[collection.dataset] == nil {
            patterns[collection.dataset] = collection.titlePattern ?? datasets[collection.dataset]?.fields.first.map { "{\($0.name)}" }
        }
        titlePatterns = patterns
    }

    /// One page to render: its synthetic `Page` and its period.
    struct Entry {
        var page: Page
        var period: ChangePeriod?
        var isArchive: Bool
    }

    /// The pages, the index first.
    var entries: [Entry] {
        let (current, archived) = ChangePeriod.periods(archive: archive, current: datasets)
        var entries = [Entry(page: Self.page(output: Self.indexPath, title: Self.title, date: nil, summary: ""), period: current, isArchive: false)]
        for period in archived {
            let output = Self.archivePath(period.to!)
            let title = "\(Snapshot.chineseDate(period.to!))发布的数据变化"
            let summary = summaryLines(period).joined(separator: "；")
            entries.append(Entry(page: Self.page(output: output, title: title, date: period.to, summary: summary), period: period, isArchive: true))
        }
        return entries
    }

    static func archivePath(_ date: String) -> String { "\(folder)/\(date)/index.html" }

    static func page(output: String, title: String, date: String?, summary: String) -> Page {
        var matter = FrontMatter()
        matter.title = title
        matter.layout = layout
        matter.date = date
        matter.summary = summary.isEmpty ? "与上次发布相比，数据中新增、删除和变化的记录。" : summary
        let pagePath = String(output.dropLast("index.html".count)) + "index.changes"
        return Page(sourcePath: Snapshot.folder, pagePath: pagePath, outputPath: output, frontMatter: matter, body: "", bodyLineOffset: 0)
    }

    /// The summary lines of a period: `村庄名单：本期 2 个村的整治状态达到已完工或已验收，累计 37/49`.
    func summaryLines(_ period: ChangePeriod) -> [String] {
        period.datasets.filter(\.hasChanges).map { comparison in
            var parts: [String] = []
            if !comparison.key.isEmpty || comparison.isNew {
                parts.append("新增 \(comparison.added.count) 条、删除 \(comparison.removed.count) 条、变化 \(comparison.changed.count) 条")
            } else {
                parts.append("数据有变化")
            }
            if let progress = comparison.progress {
                parts.append(
                    "本期 \(progress.newlyDone) \(comparison.recordUnit)的\(progress.field.title)达到\(progress.doneValues.joined(separator: "或"))，累计 \(progress.done)/\(progress.total)")
            }
            return "\(comparison.title)：" + parts.joined(separator: "，")
        }
    }

    /// The title a record is shown by: its collection's title pattern, else its key.
    func recordTitle(_ row: DataRow, dataset: String, key: String) -> String {
        guard let pattern = titlePatterns[dataset],
            case .success(let title) = CollectionConfig.expand(pattern, value: { row.values[$0]?.description ?? "" })
        else { return key }
        return title.isEmpty ? key : title
    }

    /// `60%`, `76.8 万元`, `已完工`; `（空）` for no value.
    static func display(_ value: DataValue, field: DataField) -> String {
        value.isNull ? "（空）" : RecordSummary.text(value, field: field)
    }
}
