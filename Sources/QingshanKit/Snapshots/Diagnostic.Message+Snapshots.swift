// The messages of data snapshots (`content/snapshots/`, `qingshan snapshot`).

extension Diagnostic.Message {
    /// A folder under content/snapshots whose name is not a date.
    static func snapshotFolderName(_ name: String) -> Self {
        .init(
            id: "snapshot-folder-name",
            text: "'\(name)' under content/snapshots is not a date: a snapshot folder is named YYYY-MM-DD (2021-06-30)",
            zh: "content/snapshots 下的“\(name)”不是日期：数据快照的文件夹应以日期命名，格式为 YYYY-MM-DD（如 2021-06-30）")
    }

    /// A file in a snapshot folder that is neither a dataset nor the note.
    static func snapshotUnknownFile(_ name: String) -> Self {
        .init(
            id: "snapshot-unknown-file",
            text: "'\(name)' in a snapshot is ignored: a snapshot holds NAME.csv or NAME.json per dataset and snapshot.yaml",
            zh: "快照中的“\(name)”被忽略：快照只含每个数据集的 NAME.csv 或 NAME.json，以及 snapshot.yaml")
    }

    /// A snapshot of a dataset that `content/data` no longer has.
    static func snapshotDatasetGone(_ name: String) -> Self {
        .init(
            id: "snapshot-dataset-gone",
            text: "the snapshot holds dataset '\(name)', which content/data no longer has: it is not compared",
            zh: "快照中的数据集“\(name)”在 content/data 中已不存在，不参与比较")
    }

    /// A field the current schema has and the snapshot does not, or the other way round.
    static func snapshotSchemaDrift(dataset: String, added: [String], removed: [String]) -> Self {
        let addedText = added.isEmpty ? "" : " fields added since: \(added.joined(separator: ", "));"
        let removedText = removed.isEmpty ? "" : " fields no longer in the schema: \(removed.joined(separator: ", "));"
        let addedZh = added.isEmpty ? "" : "此后新增字段：\(added.joined(separator: "、"))；"
        let removedZh = removed.isEmpty ? "" : "现已删除的字段：\(removed.joined(separator: "、"))；"
        return .init(
            id: "snapshot-schema-drift",
            text: "the snapshot of '\(dataset)' was taken with another schema:\(addedText)\(removedText) records are compared by field name, on the fields both have",
            zh: "“\(dataset)”的快照与当前表结构不同：\(addedZh)\(removedZh)记录按字段名比较，只比较两者共有的字段")
    }

    // MARK: qingshan snapshot

    static func snapshotDateInvalid(_ date: String) -> Self {
        .init(
            id: "snapshot-date-invalid",
            text: "'\(date)' is not a date: give --date YYYY-MM-DD (2021-06-30)",
            zh: "“\(date)”不是有效日期：请写成 --date YYYY-MM-DD（如 2021-06-30）")
    }

    static func snapshotDateExists(_ date: String) -> Self {
        .init(
            id: "snapshot-date-exists",
            text: "a snapshot dated \(date) already exists: give another date, or --replace to record it again",
            zh: "已有 \(date) 的数据快照：请换一个日期，或加 --replace 重新记录")
    }

    static func snapshotDateEarlier(_ date: String, latest: String) -> Self {
        .init(
            id: "snapshot-date-earlier",
            text: "\(date) is earlier than the latest snapshot (\(latest)): snapshots are recorded in date order",
            zh: "\(date) 早于最近一次数据快照（\(latest)）：快照须按日期先后记录")
    }

    static let snapshotInvalidData = Self(
        id: "snapshot-invalid-data",
        text: "no snapshot recorded: the data has errors (above); fix them and run qingshan snapshot again",
        zh: "未记录快照：数据有错误（见上文），请改正后重新运行 qingshan snapshot")

    static func snapshotWriteFailed(_ reason: String) -> Self {
        .init(id: "snapshot-write-failed", text: "cannot write the snapshot: \(reason)", zh: "无法写入数据快照：\(reason)")
    }

    static let snapshotNoData = Self(
        id: "snapshot-no-data",
        text: "there is no dataset in content/data to record",
        zh: "content/data 中没有可记录的数据集")
}

extension Diagnostic.Message {
    /// The theme has no layout for the 本期变化 pages.
    static func changesNoLayout(_ layout: String) -> Self {
        .init(
            id: "changes-no-layout",
            text: "the theme has no '\(layout)' layout: the 本期变化 pages (changes/) are not written",
            zh: "主题没有“\(layout)”布局：不生成本期变化页面（changes/）")
    }

    /// A 本期变化 page's path is already another output's.
    static func changesPathTaken(_ path: String, other: String) -> Self {
        .init(
            id: "changes-path-taken",
            text: "'\(path)' (本期变化) is already written by \(other); rename that page",
            zh: "“\(path)”（本期变化页面）已被 \(other) 占用，请修改该页面的路径")
    }
}
