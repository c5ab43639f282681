import Foundation

/// Updates an existing output folder in place, file by file, so the cost follows what
/// changed rather than the size of the site, and keeps a journal so that a failure, or
/// a build killed halfway, is rolled back to the previous site exactly.
///
/// Before anything changes, the journal (a hidden sibling folder) records every path the
/// update touches and hard-links the current version of each into a backup. New files are
/// written beside their target and renamed over it, so the backup keeps the old bytes.
/// Rolling back renames the backups into place and deletes files the update added.
struct OutputJournal {
    let output: URL

    var folder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).qingshan-journal")
    }
    private var backup: URL { folder.appendingPathComponent("backup") }
    private var listURL: URL { folder.appendingPathComponent("paths") }

    /// Writes `writes` and removes `removals` (paths relative to the output folder).
    /// - Parameter interruptAfter: for tests: stop after this many file operations as if
    ///   the process were killed, leaving the journal for `recover()`.
    func update(writes: [String: Data], removals: [String], interruptAfter: Int? = nil) throws {
        let manager = FileManager.default
        try recover()
        let paths = (Array(writes.keys) + removals).sorted()
        do {
            try manager.createDirectory(at: backup, withIntermediateDirectories: true)
            var lines: [String] = []
            for path in paths {
                let current = output.appendingPathComponent(path)
                if manager.fileExists(atPath: current.path) {
                    let saved = backup.appendingPathComponent(path)
                    try manager.createDirectory(at: saved.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if link(current.path, saved.path) != 0 { try manager.copyItem(at: current, to: saved) }
                    lines.append("keep\t" + path)
                } else {
                    lines.append("new\t" + path)
                }
            }
            // The list is complete before the first change: recovery needs all of it.
            try FileBytes.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: listURL)
            var operations = 0
            for path in paths {
                if let limit = interruptAfter, operations >= limit { throw Interrupted() }
                let target = output.appendingPathComponent(path)
                if let data = writes[path] {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).qingshan-tmp")
                    try data.withUnsafeBytes { try FileBytes.create(temporary.path, with: $0) }
                    if rename(temporary.path, target.path) != 0 { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
                } else {
                    try? manager.removeItem(at: target)
                    removeEmptyFolders(above: target)
                }
                operations += 1
            }
        } catch is Interrupted {
            throw Interrupted()
        } catch {
            try? recover()
            let note = "the previous site in \(output.path) is unchanged"
            if var diagnostic = error as? Diagnostic {
                diagnostic.notes.append(note)
                throw diagnostic
            }
            throw Diagnostic.error(.outputWriteFailed(FolderSwap.describe(error)), at: nil, notes: [note])
        }
        try manager.removeItem(at: folder)
    }

    /// Rolls back an update that did not finish (a journal is left), restoring every file
    /// it touched; nothing to do otherwise.
    func recover() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return }
        if let list = try? String(contentsOf: listURL, encoding: .utf8) {
            for line in list.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].split(separator: "/").contains("..") else { continue }
                let target = output.appendingPathComponent(parts[1])
                try? manager.removeItem(at: target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).qingshan-tmp"))
                if parts[0] == "keep" {
                    try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    _ = rename(backup.appendingPathComponent(parts[1]).path, target.path)
                } else {
                    try? manager.removeItem(at: target)
                    removeEmptyFolders(above: target)
                }
            }
        }
        try manager.removeItem(at: folder)
    }

    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        let root = output.standardizedFileURL.path
        while folder.path.hasPrefix(root + "/"), rmdir(folder.path) == 0 {
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }

    struct Interrupted: Error {}
}
