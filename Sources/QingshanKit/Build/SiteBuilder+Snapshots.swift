import Foundation

extension SiteBuilder {
    /// In step 1: the snapshots under `content/snapshots/`, typed by today's schemas and
    /// scanned for personal data like the data itself.
    func loadSnapshots(_ site: LoadedSite, diagnostics: inout Diagnostics) -> SnapshotArchive {
        let config = site.content.config
        let (archive, found) = SnapshotLoader.load(
            root: root, current: site.datasets, policy: config.personalData, maxFileBytes: config.maxDataBytes)
        diagnostics.append(contentsOf: found)
        return archive
    }

    /// The snapshots of each dataset a collection shows, indexed for record histories.
    func recordHistories(_ site: LoadedSite) -> [String: RecordHistories] {
        guard !site.snapshots.isEmpty else { return [:] }
        var histories: [String: RecordHistories] = [:]
        for collection in site.content.config.collections where histories[collection.dataset] == nil {
            guard let dataset = site.datasets[collection.dataset] else { continue }
            histories[collection.dataset] = RecordHistories(dataset: dataset, archive: site.snapshots)
        }
        return histories
    }

    /// By record: a hash of the history its page shows, so a snapshot re-renders only the
    /// pages of the records whose history it changes.
    func historyHashes(_ records: [CollectionPages.Entry], renderer: PageRenderer) -> [UInt64] {
        guard !renderer.histories.isEmpty else { return [] }
        return records.map { entry in
            guard let dataset = renderer.datasets[entry.dataset] else { return 0 }
            return renderer.histories[entry.dataset]?.history(of: dataset.rows[entry.row])?.stableHash ?? 0
        }
    }

    /// `qingshan snapshot`: records the current data as published on `date`, after
    /// checking the date and validating the site's sources as a build does (any error
    /// refuses the snapshot, and is reported at its position).
    public func recordSnapshot(date: String, note: String?, replace: Bool) -> SnapshotRecorder.Outcome {
        var outcome = SnapshotRecorder.Outcome()
        outcome.diagnostics = SnapshotRecorder.check(date: date, existing: SnapshotRecorder.existing(root: root), replace: replace)
        guard !outcome.diagnostics.contains(where: { $0.severity == .error }) else { return outcome }
        var run = Run()
        let loaded = load(cache: nil, unchanged: [:], run: &run)
        outcome.diagnostics += run.diagnostics.items
        if let note, let config = loaded?.content.config {
            // The note is published on the period's page: no personal data in it either.
            let path = Snapshot.folder + "/" + date + "/" + Snapshot.noteFile
            run.diagnostics.append(contentsOf: PersonalDataScanner.scan(note, path: path, policy: config.personalData))
            outcome.diagnostics += run.diagnostics.items.filter { $0.location?.path == path }
        }
        guard let loaded, !run.diagnostics.hasErrors else {
            outcome.diagnostics.append(.error(.snapshotInvalidData, at: nil))
            return outcome
        }
        let written = SnapshotRecorder.write(datasets: loaded.datasets, date: date, note: note, root: root)
        outcome.written = written.written
        outcome.diagnostics += written.diagnostics
        return outcome
    }
}
