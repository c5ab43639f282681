import Foundation

extension OutputWriter {
    /// The deploy manifest: written files hashed now; kept files, and files whose bytes
    /// were found already in the output, take their entry from the previous manifest
    /// (their bytes are unchanged), or are hashed. When the previous manifest is as this
    /// writer wrote it, the entries that stay are copied from it line by line.
    /// - Parameters:
    ///   - kept: ascending and unique (`ascending(_:)`).
    ///   - hashed: entries of files hashed where they were made (a first build's pages).
    func writeManifest(
        files: [String: Data], kept: [String], alreadyWritten: Set<String>, hashed: [DeployManifest.Entry]
    ) throws -> DeployManifest.Changes {
        let url = root.appendingPathComponent(".qingshan/manifest.json")
        let bytes = FileBytes.read(atPath: url.path)
        if let lines = bytes.flatMap(DeployManifest.Lines.init),
            let update = manifestLines(files: files, kept: kept, alreadyWritten: alreadyWritten, hashed: hashed, previous: lines)
        {
            try FileBytes.write(DeployManifest.encode(update, previous: lines), to: url)
            return DeployManifest.changes(update, previous: lines)
        }
        let previous = bytes.flatMap { try? DeployManifest(decoding: Data($0)) }
        let manifest = DeployManifest(entries: manifestEntries(files: files, kept: kept, alreadyWritten: alreadyWritten, hashed: hashed, previous: previous))
        try FileBytes.write(manifest.encoded(), to: url)
        return manifest.diff(from: previous)
    }

    /// Every entry of the new manifest, taken from `previous` or hashed.
    private func manifestEntries(
        files: [String: Data], kept: [String], alreadyWritten: Set<String>, hashed: [DeployManifest.Entry], previous: DeployManifest?
    ) -> [DeployManifest.Entry] {
        let before = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var toHash: [String: Data] = [:]
        var entries = hashed
        for (path, data) in files {
            if alreadyWritten.contains(path), let entry = before[path], entry.size == data.count {
                entries.append(entry)
            } else {
                toHash[path] = data
            }
        }
        entries += DeployManifest(files: toHash).files
        for path in kept {
            if let entry = before[path] ?? hashedFromDisk(path) { entries.append(entry) }
        }
        return entries
    }

    /// The new manifest by path, ascending, as lines of `previous` and new entries; `nil`
    /// when two sources name the same path (then `manifestEntries` keeps both, as before).
    private func manifestLines(
        files: [String: Data], kept: [String], alreadyWritten: Set<String>, hashed: [DeployManifest.Entry], previous: DeployManifest.Lines
    ) -> [(path: String, line: DeployManifest.Line)]? {
        var others: [(path: String, line: DeployManifest.Line)] = hashed.map { ($0.path, .new($0)) }
        var toHash: [String: Data] = [:]
        for (path, data) in files {
            if alreadyWritten.contains(path), let index = previous.index(of: path), previous.sizes[index] == data.count {
                others.append((path, .kept(index)))
            } else {
                toHash[path] = data
            }
        }
        others += DeployManifest(files: toHash).files.map { ($0.path, .new($0)) }
        others.sort { $0.path < $1.path }
        // Kept files, ascending like the previous manifest's lines: one walk through both.
        var keptLines: [(path: String, line: DeployManifest.Line)] = []
        keptLines.reserveCapacity(kept.count)
        var next = 0
        for path in kept {
            while next < previous.paths.count, previous.paths[next] < path { next += 1 }
            if next < previous.paths.count, previous.paths[next] == path {
                keptLines.append((path, .kept(next)))
            } else if let entry = hashedFromDisk(path) {
                keptLines.append((path, .new(entry)))
            }
        }
        return Self.merged(keptLines, others)
    }

    /// Two lists ascending by path as one; `nil` when a path is in both or twice in one.
    private static func merged(
        _ a: [(path: String, line: DeployManifest.Line)], _ b: [(path: String, line: DeployManifest.Line)]
    ) -> [(path: String, line: DeployManifest.Line)]? {
        var result: [(path: String, line: DeployManifest.Line)] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            let takeA = j == b.count || (i < a.count && a[i].path < b[j].path)
            let item = takeA ? a[i] : b[j]
            if takeA { i += 1 } else { j += 1 }
            if let last = result.last, !(last.path < item.path) { return nil }
            result.append(item)
        }
        return result
    }

    /// The entry of a kept file that the previous manifest did not have.
    private func hashedFromDisk(_ path: String) -> DeployManifest.Entry? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { return nil }
        return DeployManifest.Entry(path: path, size: data.count, sha256: SHA256.hex(data))
    }

    /// `paths` ascending without repeats: as given when they already are (the kept pages
    /// of a build are), else sorted.
    static func ascending(_ paths: [String]) -> [String] {
        zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 } ? paths : Array(Set(paths)).sorted()
    }

    /// Lists each ascending without repeats, as one such list.
    static func mergeAscending(_ lists: [[String]]) -> [String] {
        lists.reduce([]) { result, list in
            var merged: [String] = []
            merged.reserveCapacity(result.count + list.count)
            var (i, j) = (0, 0)
            while i < result.count || j < list.count {
                if j == list.count || (i < result.count && result[i] < list[j]) {
                    merged.append(result[i])
                    i += 1
                } else {
                    if i < result.count, result[i] == list[j] { i += 1 }
                    merged.append(list[j])
                    j += 1
                }
            }
            return merged
        }
    }
}

/// The record of the files the last build wrote (`.qingshan/output-files.txt`): the
/// output folder, then each file's path, one a line, ascending.
struct OutputRecord {
    let bytes: [UInt8]

    init(folder: String, paths: [String]) {
        var bytes = Array(folder.utf8)
        bytes.reserveCapacity(bytes.count + paths.count * 40)
        bytes.append(UInt8(ascii: "\n"))
        for path in paths {
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        self.bytes = bytes
    }

    /// The lines of a record, split on bytes: by characters it cost 127 M instructions of
    /// a one-page rebuild at N = 10,000.
    static func parse(_ bytes: [UInt8]) -> (folder: String, files: [String]) {
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        return (lines.first ?? "", Array(lines.dropFirst()))
    }
}
