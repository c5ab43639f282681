public import Foundation

/// Reads `content/snapshots/*/`: every dataset file typed by today's schema where the
/// field names match (a snapshot taken before a field was added, renamed or removed is
/// compared on the fields both have, with a warning), passed through the text-safety and
/// personal-data scans like any data. A corrupt file is an error at its position; a
/// snapshot of a dataset that no longer exists is noted and left out.
public enum SnapshotLoader {
    public static func load(
        root: URL, current: [String: Dataset], policy: PersonalDataPolicy, maxFileBytes: Int = SafetyLimits.maxDataFileBytes
    ) -> (archive: SnapshotArchive, diagnostics: [Diagnostic]) {
        let folder = root.appendingPathComponent(Snapshot.folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return (SnapshotArchive(), []) }
        var diagnostics: [Diagnostic] = []
        var snapshots: [Snapshot] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = Snapshot.folder + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue,
                Snapshot.isDate(name)
            else {
                diagnostics.append(.error(.snapshotFolderName(name), at: SourceLocation(path: path)))
                continue
            }
            let (snapshot, found) = loadSnapshot(
                folder.appendingPathComponent(name), date: name, current: current, policy: policy, maxFileBytes: maxFileBytes)
            diagnostics += found
            // The same data as a file `site.yaml` allows is allowed in its snapshots too.
            for dataset in snapshot.datasets.keys.sorted().map({ snapshot.datasets[$0]! })
            where !(current[dataset.name].map { policy.allows(file: $0.path) } ?? false) {
                diagnostics += policy.diagnostics(for: dataset)
            }
            snapshots.append(snapshot)
        }
        return (SnapshotArchive(snapshots: snapshots), diagnostics)
    }

    /// One snapshot folder.
    /// - Parameter policy: the note is published on the archived period's page: it is scanned too.
    static func loadSnapshot(_ url: URL, date: String, current: [String: Dataset], policy: PersonalDataPolicy, maxFileBytes: Int) -> (Snapshot, [Diagnostic]) {
        let folderPath = Snapshot.folder + "/" + date
        var diagnostics: [Diagnostic] = []
        var snapshot = Snapshot(date: date, datasets: [:])
        var hash = StableHash()
        hash.combine(date)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path).sorted()) ?? []
        for file in files where !file.hasPrefix(".") {
            let path = folderPath + "/" + file
            let bytes: Data
            switch DatasetLoader.readBytes(url.appendingPathComponent(file), path: path, maxFileBytes: maxFileBytes) {
            case .failure(let failure):
                diagnostics.append(failure.diagnostic)
                continue
            case .success(let data): bytes = data
            }
            hash.combine(file)
            hash.combine(bytes: bytes)
            if file == Snapshot.noteFile {
                let (note, found) = readNote(bytes, path: path)
                snapshot.note = note
                diagnostics += found
                diagnostics += PersonalDataScanner.scan(String(decoding: bytes, as: UTF8.self), path: path, policy: policy)
                continue
            }
            let stem = String(file.prefix { $0 != "." })
            guard file == stem + ".csv" || file == stem + ".json" else {
                diagnostics.append(.warning(.snapshotUnknownFile(file), at: SourceLocation(path: path)))
                continue
            }
            guard let today = current[stem] else {
                diagnostics.append(.note(.snapshotDatasetGone(stem), at: SourceLocation(path: path)))
                continue
            }
            let (dataset, found) = readDataset(bytes, path: path, current: today)
            diagnostics += found
            snapshot.datasets[stem] = dataset
        }
        snapshot.sourceHash = hash.value
        return (snapshot, diagnostics)
    }

    /// The note (`note:` in `snapshot.yaml`).
    static func readNote(_ bytes: Data, path: String) -> (String?, [Diagnostic]) {
        guard let text = String(data: bytes, encoding: .utf8) else {
            return (nil, [.error(.dataInvalidEncoding(byte: bytes.first ?? 0), at: SourceLocation(path: path, line: 1, column: 1))])
        }
        var diagnostics = TextSafety.scan(Array(text.utf8), path: path)
        switch YAMLDocument.parse(text, path: path) {
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        case .success(let document):
            guard let root = document.root, var fields = YAMLMapping(root, in: document) else { return (nil, diagnostics) }
            let note = fields.string("note")
            fields.warnAboutUnknownKeys(known: ["note"])
            diagnostics += fields.diagnostics
            return (note, diagnostics)
        }
    }
}
