import Foundation

/// The stamps of every source file, taken as a build starts: what tells it which files
/// changed since the build the cache describes, without reading them.
struct SourceStamps: Sendable {
    /// Folded stamp by source path (`content/…`, `site-templates/…`), plus two inputs that
    /// are not files: the program itself and `SOURCE_DATE_EPOCH` (the feed's fallback date).
    var folded: [String: Int] = [:]
    /// The unfolded stamp of each source file.
    var files: [String: FileStamp] = [:]
    /// When they were taken, in nanoseconds since 1970 (read before the first `stat`).
    var taken = 0

    static func take(root: URL) -> SourceStamps {
        var stamps = SourceStamps()
        stamps.taken = FileStamp.now
        if let program = FileStamp.program { stamps.folded["(qingshan)"] = program.folded }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            stamps.folded["(SOURCE_DATE_EPOCH)"] = Int(StableHash.of(epoch) >> 1)
        }
        for folder in ["content", "site-templates"] {
            let base = root.appendingPathComponent(folder)
            let listing = SourceListing(folder: base, stamping: true)
            // An entry the walk cannot read is an input too: adding a dangling link must
            // not pass for "no source changed", or its diagnostic would never be shown.
            for skipped in listing.skipped {
                stamps.folded[folder + "/" + skipped.path] = Int(StableHash.of("\(skipped.reason)") >> 1)
            }
            for path in listing.paths {
                guard let stamp = listing.stamps[path] else { continue }
                stamps.folded[folder + "/" + path] = stamp.folded
                stamps.files[folder + "/" + path] = stamp
            }
        }
        return stamps
    }

    /// These stamps brought up to date for the files a watcher reported changed, without
    /// walking the folders again; `nil` when a change is anything but a source file
    /// these stamps already hold that is still a regular file (a new, removed or renamed
    /// entry, a folder, a lost event): the caller then takes every stamp again.
    func updating(changes: [String], root: URL) -> SourceStamps? {
        // `taken` stays the first walk's: a file modified shortly before it is still not
        // trusted unread ("racily clean"), nor one modified since (its stamp is newer).
        var stamps = self
        let base = root.standardizedFileURL.path
        for path in changes where path.hasPrefix("content/") || path.hasPrefix("site-templates/") {
            var info = stat()
            guard files[path] != nil, lstat(base + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                let stamp = FileStamp(atPath: base + "/" + path)
            else { return nil }
            stamps.files[path] = stamp
            stamps.folded[path] = stamp.folded
        }
        return stamps
    }

    /// Page files (source path → size) that can be taken as the text the build of
    /// `previous` read: their stamp is the one it saw, and they were not modified within
    /// two seconds before it looked (a coarse clock or a second save could then leave the
    /// stamp unchanged, as git's "racily clean"). Pages that showed data are read anyway:
    /// a data edit renders them again, and reading them only then costs making the
    /// renderer twice.
    func unchangedPages(since previous: BuildCache) -> [String: Int] {
        var unchanged: [String: Int] = [:]
        let prefix = "content/pages/"
        for (path, stamp) in files
        where path.hasPrefix(prefix) && previous.inputs[path] == stamp.folded
            && stamp.modified < previous.inputsTaken - 2_000_000_000
        {
            if let parsed = previous.parsedPages[path],
                let entry = previous.entries[Page.outputPath(forPagePath: String(path.dropFirst(prefix.count)), slug: parsed.frontMatter.slug)],
                !entry.datasetsUsed.isEmpty
            {
                continue
            }
            unchanged[path] = stamp.size
        }
        return unchanged
    }
}

extension BuildCache {
    /// Whether nothing changed since this cache's build into `outputFolder`: the same
    /// source stamps, and every file it wrote still as it left it.
    func describesUnchanged(outputFolder: URL, stamps: SourceStamps) -> Bool {
        guard outputFolder.path == self.outputFolder, !inputs.isEmpty, inputs == stamps.folded,
            let folder = StampedFolder(path: outputFolder.path)
        else { return false }
        return entries.allSatisfy { path, entry in folder.stamp(path) == entry.stamp }
            && others.allSatisfy { path, stamp in folder.stamp(path)?.folded == stamp }
    }
}
