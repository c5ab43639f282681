public import Foundation

/// Writes `content/snapshots/DATE/` for `qingshan snapshot`: refuses a malformed date,
/// a date earlier than the latest snapshot and an existing one (unless `replace`), then
/// writes the canonical files into a hidden sibling and renames it into place, so a
/// snapshot is never left half-written.
public enum SnapshotRecorder {
    /// What the command reports: the files written (site-relative), or why not.
    public struct Outcome: Sendable {
        public var written: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Problems with `date` given the snapshots already recorded (by folder name).
    public static func check(date: String, existing: [String], replace: Bool) -> [Diagnostic] {
        let location = SourceLocation(path: Snapshot.folder)
        guard Snapshot.isDate(date) else { return [.error(.snapshotDateInvalid(date), at: nil)] }
        if existing.contains(date) {
            return replace ? [] : [.error(.snapshotDateExists(date), at: SourceLocation(path: Snapshot.folder + "/" + date))]
        }
        if let latest = existing.filter(Snapshot.isDate).max(), latest > date {
            return [.error(.snapshotDateEarlier(date, latest: latest), at: location)]
        }
        return []
    }

    /// The snapshot folders of the site at `root`, by name.
    public static func existing(root: URL) -> [String] {
        let folder = root.appendingPathComponent(Snapshot.folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Writes the snapshot of `datasets` (already validated) dated `date`.
    public static func write(datasets: [String: Dataset], date: String, note: String?, root: URL) -> Outcome {
        var outcome = Outcome()
        guard !datasets.isEmpty else {
            outcome.diagnostics.append(.error(.snapshotNoData, at: SourceLocation(path: "content/data")))
            return outcome
        }
        var files: [String: Data] = [Snapshot.noteFile: SnapshotFormat.noteFile(date: date, note: note)]
        for name in datasets.keys.sorted() {
            let file = SnapshotFormat.file(for: datasets[name]!)
            files[file.name] = file.data
        }
        let manager = FileManager.default
        let folder = root.appendingPathComponent(Snapshot.folder)
        let target = folder.appendingPathComponent(date)
        let staging = folder.appendingPathComponent(".\(date).qingshan-new")
        let old = folder.appendingPathComponent(".\(date).qingshan-old")
        do {
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: old)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for name in files.keys.sorted() { try files[name]!.write(to: staging.appendingPathComponent(name)) }
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: old) }
            try manager.moveItem(at: staging, to: target)
            try? manager.removeItem(at: old)
        } catch {
            try? manager.removeItem(at: staging)
            if manager.fileExists(atPath: old.path), !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: old, to: target) }
            outcome.diagnostics.append(.error(.snapshotWriteFailed(error.localizedDescription), at: SourceLocation(path: Snapshot.folder + "/" + date)))
            return outcome
        }
        outcome.written = files.keys.sorted().map { Snapshot.folder + "/" + date + "/" + $0 }
        return outcome
    }
}
