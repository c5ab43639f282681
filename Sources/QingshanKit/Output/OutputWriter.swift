public import Foundation

/// What writing changed in the output folder.
public struct WriteSummary: Sendable, Hashable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var unchanged = 0
    /// What changed for a deploy, from the manifest of every output file
    /// (`.qingshan/manifest.json`: path, size and SHA-256 per file).
    public var deploy = DeployManifest.Changes()
}

/// Writes a successful build into the output folder, touching only files whose bytes
/// differ, and removing files that an earlier build wrote and this one no longer has.
///
/// Nothing is written unless the build succeeded, so a failed build leaves the previous
/// site exactly as it was. Files that Qingshan did not write are never removed.
public struct OutputWriter: Sendable {
    public var root: URL
    public var output: URL

    /// The record of what the last build wrote, kept in the site's cache folder.
    var recordURL: URL { root.appendingPathComponent(".qingshan/output-files.txt") }

    public init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    /// An error when the output folder would overlap the sources.
    public func validateOutputFolder() -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().path
        let rootPath = root.resolvingSymlinksInPath().path
        let sources = ["content", "site-templates"].map { root.appendingPathComponent($0).resolvingSymlinksInPath().path }
        func isInside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
        if out == rootPath || isInside(rootPath, out) || sources.contains(where: { isInside(out, $0) }) {
            return .error(.outputInsideSource(output.path), at: nil)
        }
        return nil
    }

    public func write(_ result: BuildResult) throws -> WriteSummary {
        precondition(result.succeeded, "a failed build is never written")
        if let problem = validateOutputFolder() { throw problem }
        if let problem = OutputLinkGuard.check(output: output, touching: []) { throw problem }
        if result.isUnchanged {
            return WriteSummary(unchanged: result.keptFiles.count)
        }
        let manager = FileManager.default
        try manager.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = try BuildLock(url: root.appendingPathComponent(".qingshan/build.lock"))
        defer { lock.release() }
        let swap = FolderSwap(output: output)
        try swap.recoverInterruptedSwap()
        // Roll back an update a killed build left halfway before comparing anything: the
        // comparison below must see the previous site, not files the killed build wrote and
        // the rollback would then revert (found by scripts/drills: SIGKILL mid-update left
        // pages stale after the next build).
        let journal = OutputJournal(output: output)
        try journal.recover()

        // What changes: files whose bytes differ, and files an earlier build wrote that
        // this one no longer has.
        var summary = WriteSummary()
        var writes: [String] = []
        // Files whose bytes are already in the output: the manifest keeps their entries.
        var alreadyWritten: Set<String> = []
        for path in result.files.keys.sorted() {
            guard safeURL(for: path) != nil else {
                throw Diagnostic.error(.outputWriteFailed("refusing to write '\(path)' outside the output folder"), at: nil)
            }
            if let existing = manager.contents(atPath: output.appendingPathComponent(path).path) {
                if existing == result.files[path]! {
                    summary.unchanged += 1
                    alreadyWritten.insert(path)
                    continue
                }
                summary.changed.append(path)
            } else {
                summary.added.append(path)
            }
            writes.append(path)
        }
        let kept = Set(result.keptFiles)
        let previous = (try? String(contentsOf: recordURL, encoding: .utf8)).map(Self.parseRecord) ?? (folder: "", files: [])
        if previous.folder == output.path {
            summary.removed = previous.files.filter { path in
                result.files[path] == nil && !kept.contains(path) && safeURL(for: path).map { manager.fileExists(atPath: $0.path) } == true
            }
        }

        if let problem = OutputLinkGuard.check(output: output, touching: writes + summary.removed) { throw problem }

        // A first build assembles the site beside its final place and renames it in; later
        // builds update the site file by file under a journal. Either way a failed write,
        // a full disk or a killed build leaves the previous site exactly as it was.
        if !manager.fileExists(atPath: output.path) {
            let writes = writes
            try swap.replace { staging in
                // Each folder is made once, a level at a time (parents first) and each level
                // on all cores, then the files are written on all cores, with plain system
                // calls (Foundation's per-call URL and attribute work showed in the profile).
                // No per-file temporary and fsync: renaming the folder in is the atomic step.
                try manager.createDirectory(at: staging, withIntermediateDirectories: true)
                let base = staging.path
                var folders = Set<String>()
                for path in writes {
                    var folder = Substring(path)
                    while let slash = folder.lastIndex(of: "/") {
                        folder = folder[..<slash]
                        if !folders.insert(String(folder)).inserted { break }
                    }
                }
                let levels = Dictionary(grouping: folders, by: { $0.utf8.count { $0 == UInt8(ascii: "/") } })
                for depth in levels.keys.sorted() {
                    let level = levels[depth]!.sorted()
                    let failures = ResultSlots<String?>(count: level.count)
                    DispatchQueue.concurrentPerform(iterations: level.count) { index in
                        failures[index] = mkdir(base + "/" + level[index], 0o755) == 0 || errno == EEXIST
                            ? nil : "\(level[index]): \(String(cString: strerror(errno)))"
                    }
                    if let failure = failures.values.compactMap({ $0 }).first {
                        throw Diagnostic.error(.outputWriteFailed(failure), at: nil)
                    }
                }
                let failures = ResultSlots<String?>(count: writes.count)
                DispatchQueue.concurrentPerform(iterations: writes.count) { index in
                    failures[index] = Self.writeFile(result.files[writes[index]]!, to: base + "/" + writes[index])
                        .map { "\(writes[index]): \($0)" }
                }
                if let failure = failures.values.compactMap({ $0 }).first {
                    throw Diagnostic.error(.outputWriteFailed(failure), at: nil)
                }
            }
        } else if !writes.isEmpty || !summary.removed.isEmpty {
            let changing = Set(writes)
            try journal.update(writes: result.files.filter { changing.contains($0.key) }, removals: summary.removed)
        }

        try manager.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let record = ([output.path] + Set(result.files.keys).union(kept).sorted()).joined(separator: "\n") + "\n"
        try Data(record.utf8).write(to: recordURL, options: .atomic)
        summary.unchanged += kept.count
        if var cache = result.cache {
            // Record each page file as it is now, so the next build can trust it unread. Kept
            // pages were found with their recorded stamps by this build and not written since.
            cache.outputFolder = output.path
            let folder = output.path
            for (path, entry) in cache.entries where !kept.contains(path) {
                guard let stamp = BuildCache.stamp(atPath: folder + "/" + path) else {
                    cache.entries[path] = nil
                    continue
                }
                var updated = entry
                updated.size = stamp.size
                updated.modified = stamp.modified
                cache.entries[path] = updated
            }
            for path in result.files.keys where cache.entries[path] == nil {
                cache.others[path] = BuildCache.foldedStamp(atPath: folder + "/" + path)
            }
            try cache.encoded().write(to: BuildCache.url(root: root), options: .atomic)
        }
        summary.deploy = try writeManifest(result: result, kept: kept, alreadyWritten: alreadyWritten)
        return summary
    }

    /// Writes `data` to a new file at `path` with `open`/`write`/`close`; the error
    /// text, or nil.
    static func writeFile(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }

    /// The deploy manifest: written files hashed now; kept files, and files whose bytes
    /// were found already in the output, take their entry from the previous manifest
    /// (their bytes are unchanged), or are hashed.
    private func writeManifest(result: BuildResult, kept: Set<String>, alreadyWritten: Set<String>) throws -> DeployManifest.Changes {
        let url = root.appendingPathComponent(".qingshan/manifest.json")
        let previous = (try? Data(contentsOf: url)).flatMap { try? DeployManifest(decoding: $0) }
        let before = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var toHash: [String: Data] = [:]
        var entries: [DeployManifest.Entry] = []
        for (path, data) in result.files {
            if alreadyWritten.contains(path), let entry = before[path], entry.size == data.count {
                entries.append(entry)
            } else {
                toHash[path] = data
            }
        }
        entries += DeployManifest(files: toHash).files
        for path in kept {
            if let entry = before[path] {
                entries.append(entry)
            } else if let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) {
                entries.append(DeployManifest.Entry(path: path, size: data.count, sha256: SHA256.hex(data)))
            }
        }
        let manifest = DeployManifest(entries: entries)
        try manifest.encoded().write(to: url, options: .atomic)
        return manifest.diff(from: previous)
    }

    /// The file for an output path, or `nil` if the path would leave the output folder.
    func safeURL(for path: String) -> URL? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        return output.appendingPathComponent(path)
    }

    private static func parseRecord(_ text: String) -> (folder: String, files: [String]) {
        let lines = text.split(separator: "\n").map(String.init)
        return (lines.first ?? "", Array(lines.dropFirst()))
    }
}

/// `write(2)`, named apart from `OutputWriter.write(_:)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
