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

    /// Throws when the output folder overlaps the sources, or it (or a sibling Qingshan
    /// uses beside it) is a symbolic link.
    public func checkOutputFolder() throws {
        if let problem = validateOutputFolder() { throw problem }
        if let problem = OutputLinkGuard.check(output: output, touching: []) { throw problem }
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

    /// What writing will do: the files whose bytes differ from the output's, and the
    /// files an earlier build wrote that this one no longer has.
    struct Plan {
        var summary = WriteSummary()
        /// Paths to write, sorted.
        var writes: [String] = []
        /// Files whose bytes are already in the output: the manifest keeps their entries.
        var alreadyWritten: Set<String> = []
        /// The bytes of the last build's record of its files (`output-files.txt`).
        var previousRecord: [UInt8]?
    }

    /// Writes `files` (output path → bytes) into the output folder, touching only files
    /// whose bytes differ; `kept` are files already there, unchanged, from an earlier
    /// build. `whileLocked` runs after the files are in place and before the build lock
    /// is released (the build cache is saved there).
    public func write(files: [String: Data], kept: [String], whileLocked: () throws -> Void = {}) throws -> WriteSummary {
        try OutputWriteGate.during { try writeLocked(files: files, kept: kept, staged: [], staging: nil, whileLocked: whileLocked) }
    }

    /// The same for a first build that wrote its pages (`staged`, with their size and
    /// SHA-256) into `staging` as they were rendered: `files` are the others. The staging
    /// folder is renamed into place, or deleted when writing fails.
    public func write(
        files: [String: Data], staged: [DeployManifest.Entry], staging: StagingFolder, whileLocked: () throws -> Void = {}
    ) throws -> WriteSummary {
        defer { staging.discard() }
        return try OutputWriteGate.during {
            try writeLocked(files: files, kept: [], staged: staged, staging: staging, whileLocked: whileLocked)
        }
    }

    /// Where a first build (no output folder yet) writes its pages while it renders, with
    /// the build lock held; `nil` when the output folder exists (later builds update it
    /// in place, under a journal, after the whole build succeeded).
    public func beginFirstBuild() throws -> StagingFolder? {
        try checkOutputFolder()
        try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = try BuildLock(url: lockURL)
        let swap = FolderSwap(output: output)
        do {
            try swap.recoverInterruptedSwap()
        } catch {
            lock.release()
            throw error
        }
        guard !FileManager.default.fileExists(atPath: output.path) else {
            lock.release()
            return nil
        }
        return try StagingFolder(url: swap.staging, lock: lock)
    }

    private var lockURL: URL { root.appendingPathComponent(".qingshan/build.lock") }

    private func writeLocked(
        files: [String: Data], kept: [String], staged: [DeployManifest.Entry], staging: StagingFolder?, whileLocked: () throws -> Void
    ) throws -> WriteSummary {
        try checkOutputFolder()
        let lock: BuildLock?
        if staging == nil {
            try FileManager.default.createDirectory(at: recordURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            lock = try BuildLock(url: lockURL)
            try FolderSwap(output: output).recoverInterruptedSwap()
        } else {
            lock = nil
        }
        defer { lock?.release() }
        // Roll back an update a killed build left halfway before comparing anything: the
        // plan must see the previous site, not files the killed build wrote and the
        // rollback would then revert (found by scripts/drills: SIGKILL mid-update left
        // pages stale after the next build).
        try OutputJournal(output: output).recover()
        let keptPaths = Self.ascending(kept)
        let record = OutputRecord(folder: output.path, paths: Self.mergeAscending([keptPaths, files.keys.sorted(), Self.ascending(staged.map(\.path))]))
        var plan = try self.plan(files: files, kept: keptPaths, record: staged.isEmpty ? record : nil)
        if let staging {
            plan.summary.added = (plan.summary.added + staged.map(\.path)).sorted()
            try apply(plan, files: files, staging: staging)
        } else {
            if let problem = OutputLinkGuard.check(output: output, touching: plan.writes + plan.summary.removed) { throw problem }
            try apply(plan, files: files)
        }
        if plan.previousRecord != record.bytes {
            try FileBytes.write(record.bytes, to: recordURL)
        }
        plan.summary.unchanged += kept.count
        try whileLocked()
        plan.summary.deploy = try writeManifest(files: files, kept: keptPaths, alreadyWritten: plan.alreadyWritten, hashed: staged)
        return plan.summary
    }

    /// Compares `files` with the output folder and the record of the last build's files.
    /// - Parameter record: this build's record, when it names every file the build has:
    ///   if the last build's is the same, no file was removed (the record is not read).
    func plan(files: [String: Data], kept: [String], record: OutputRecord? = nil) throws -> Plan {
        let manager = FileManager.default
        var plan = Plan()
        for path in files.keys.sorted() {
            guard safeURL(for: path) != nil else {
                throw Diagnostic.error(.outputWriteFailed("refusing to write '\(path)' outside the output folder"), at: nil)
            }
            if let existing = manager.contents(atPath: output.appendingPathComponent(path).path) {
                if existing == files[path]! {
                    plan.summary.unchanged += 1
                    plan.alreadyWritten.insert(path)
                    continue
                }
                plan.summary.changed.append(path)
            } else {
                plan.summary.added.append(path)
            }
            plan.writes.append(path)
        }
        plan.previousRecord = FileBytes.read(atPath: recordURL.path)
        if let record, plan.previousRecord == record.bytes { return plan }
        let previous = plan.previousRecord.map(OutputRecord.parse) ?? (folder: "", files: [])
        if previous.folder == output.path {
            let kept = Set(kept)
            plan.summary.removed = previous.files.filter { path in
                files[path] == nil && !kept.contains(path) && safeURL(for: path).map { manager.fileExists(atPath: $0.path) } == true
            }
        }
        return plan
    }

    /// A first build's other files join its pages in `staging`, which is then renamed in.
    func apply(_ plan: Plan, files: [String: Data], staging: StagingFolder) throws {
        if let failure = staging.firstFailure { throw Diagnostic.error(.outputWriteFailed(failure), at: nil) }
        // Only a first build stages; a folder made meanwhile by something else is not replaced.
        guard !FileManager.default.fileExists(atPath: output.path), staging.handOver() else {
            throw Diagnostic.error(.outputWriteFailed("\(output.path) appeared while the site was built"), at: nil)
        }
        try FolderSwap(output: output).replace(filled: staging.url) { folder in
            try OutputFiles.write(plan.writes, of: files, into: folder)
        }
    }

    /// Carries out `plan`. A first build assembles the site beside its final place and
    /// renames it in; later builds update the site file by file under a journal. Either
    /// way a failed write, a full disk or a killed build leaves the previous site exactly
    /// as it was.
    func apply(_ plan: Plan, files: [String: Data]) throws {
        let journal = OutputJournal(output: output)
        if !FileManager.default.fileExists(atPath: output.path) {
            try FolderSwap(output: output).replace { staging in
                try OutputFiles.write(plan.writes, of: files, into: staging)
            }
        } else if !plan.writes.isEmpty || !plan.summary.removed.isEmpty {
            let changing = Set(plan.writes)
            try journal.update(writes: files.filter { changing.contains($0.key) }, removals: plan.summary.removed)
        }
    }

    /// The file for an output path, or `nil` if the path would leave the output folder.
    func safeURL(for path: String) -> URL? {
        Self.staysInside(path) ? output.appendingPathComponent(path) : nil
    }

    /// Whether an output path stays inside the output folder: relative, and no empty,
    /// `.` or `..` part.
    static func staysInside(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.isEmpty && !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
    }
}
