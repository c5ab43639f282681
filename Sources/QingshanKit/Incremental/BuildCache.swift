public import Foundation

/// What the last successful build made, so the next one re-renders only the pages whose
/// inputs changed. Kept in `.qingshan/cache.bin` in the site root.
///
/// Each output records a key: a hash of everything its rendering read (its source, the
/// configuration, its layout and the partials it uses, the site's structure, the
/// datasets it shows). A page is reused only when its key is unchanged **and** its file
/// in the output folder still has the size and modification time recorded after it
/// was written. A missing, corrupt or older-format cache means a full build.
public struct BuildCache: Sendable {
    /// Bump when keys or the layout of this file change: old caches are then ignored.
    static let formatVersion = 18
    static let magic = "QINGSHAN-CACHE"
    static let relativePath = ".qingshan/cache.bin"

    struct Entry: Sendable, Hashable {
        var key: UInt64
        var datasetsUsed: [String]
        var search: SearchEntry?
        var warnings: [Diagnostic]
        /// Size and modification time (nanoseconds) of the written file.
        var size: Int = -1
        var modified: Int = -1

        /// The written file's stamp, as recorded.
        var stamp: FileStamp {
            get { FileStamp(size: size, modified: modified) }
            set { (size, modified) = (newValue.size, newValue.modified) }
        }
    }

    /// The output folder the entries describe (a cache is only used for the same folder).
    var outputFolder: String
    var entries: [String: Entry]
    /// Size and modification time of every source file (`content/**`, `site-templates/**`),
    /// to say what changed since the last build.
    var inputs: [String: Int] = [:]
    /// When the build that wrote this cache took those stamps (nanoseconds since 1970):
    /// a file modified shortly before may have changed again within the same stamp.
    var inputsTaken = 0
    /// Stamps of the other files written (assets, static files, the search index, the
    /// sitemap), so a build with nothing to do can still notice one was deleted.
    var others: [String: Int] = [:]
    /// The build's warnings that no entry holds (skipped sources, data, configuration):
    /// a build with nothing to do shows them again (see `BuildCache+Warnings`).
    var warnings: [Diagnostic] = []
    /// Parsed front matter by source path, reused while the file's text is unchanged:
    /// parsing YAML is most of loading a large site.
    var parsedPages: [String: ParsedPage] = [:]
    /// Set when only the stamps were decoded: what `completed()` needs to go on from
    /// there instead of decoding the stamps again.
    var unreadRest: PartialRead?
    /// The file this cache's records were read from (kept by the caches made from it),
    /// so that saving copies the bytes of every record that is still the same instead of
    /// encoding it again: a one-page edit re-encodes a few records of tens of thousands.
    var readFrom: ReadCache?
    /// Whether only the stamps were decoded (see `completed()`).
    var unreadData: Bool { unreadRest != nil }
    /// The search index's tokens per document, so a rebuild tokenizes only changed pages.
    var searchTokens = SearchTokenCache()
    /// Personal data in each dataset's cells (by dataset name), valid while it loads from
    /// the same bytes.
    var datasetFindings: [String: DatasetFindings] = [:]

    /// The open-data downloads and data package as last made (`OpenDataPhase.files`),
    /// reused while `key` (the configuration and the published datasets) is unchanged:
    /// making them again was a tenth of a one-page edit.
    var openData: OpenDataFiles?

    struct OpenDataFiles: Sendable, Equatable {
        var key: UInt64
        var files: [String: Data]
        var diagnostics: [Diagnostic]
    }

    struct DatasetFindings: Sendable, Equatable {
        /// `Dataset.sourceHash` of the dataset scanned.
        var sourceHash: UInt64
        var findings: [(column: String, finding: PersonalDataFinding)]

        static func == (a: Self, b: Self) -> Bool {
            a.sourceHash == b.sourceHash && a.findings.elementsEqual(b.findings) { $0.column == $1.column && $0.finding == $1.finding }
        }
    }

    init(outputFolder: String, entries: [String: Entry] = [:]) {
        self.outputFolder = outputFolder
        self.entries = entries
    }

    /// "content/data/villages.csv changed", "2 files changed, 1 added: …", or "no source changed".
    /// One lookup per source, and the removed ones looked for only when some are: three
    /// lookups per source cost 35 M instructions of a one-page edit at N = 10,000.
    static func describeChanges(from old: [String: Int], to new: [String: Int]) -> String {
        var changed: [String] = []
        var added: [String] = []
        for (path, stamp) in new {
            if let before = old[path] {
                if before != stamp { changed.append(path) }
            } else {
                added.append(path)
            }
        }
        let kept = new.count - added.count
        let removed = kept == old.count ? [] : old.keys.filter { new[$0] == nil }.sorted()
        (changed, added) = (changed.sorted(), added.sorted())
        var parts: [String] = []
        for (files, verb) in [(changed, "changed"), (added, "added"), (removed, "removed")] where !files.isEmpty {
            let shown = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
            parts.append("\(verb) \(shown)")
        }
        return parts.isEmpty ? "no source changed" : parts.joined(separator: "; ")
    }

    public static func url(root: URL) -> URL { root.appendingPathComponent(relativePath) }

    /// The cache of the site at `root`, or `nil` when there is none usable. With
    /// `stampsOnly`, only its first part is decoded (see `decode(_:stampsOnly:)`): a build
    /// with nothing to do reads no more, others call `completed()`.
    public static func load(root: URL, stampsOnly: Bool = false) -> BuildCache? {
        guard let bytes = FileBytes.read(atPath: url(root: root).path) else { return nil }
        return decode(bytes: bytes, stampsOnly: stampsOnly)
    }

    /// The whole cache: itself when it was decoded whole, else the rest decoded from its
    /// bytes; `nil` when they turn out to be damaged after its first part.
    func completed() -> BuildCache? {
        guard let partial = unreadRest else { return self }
        var cache = self
        cache.unreadRest = nil
        return cache.decodeRest(partial) ? cache : nil
    }

    static func write(_ diagnostics: [Diagnostic], to writer: inout BinaryWriter) {
        writer.write(diagnostics.count)
        for diagnostic in diagnostics {
            writer.write([diagnostic.severity.rawValue, diagnostic.message.id, diagnostic.message.text, diagnostic.location?.path ?? "", diagnostic.message.zh ?? ""])
            writer.write(diagnostic.location?.line ?? -1)
            writer.write(diagnostic.location?.column ?? -1)
            writer.write(diagnostic.notes)
        }
    }

    static func readDiagnostics(_ reader: inout BinaryReader) -> [Diagnostic]? {
        guard let count = reader.readInt(), count >= 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let parts = reader.readStrings(), parts.count == 5, let severity = Diagnostic.Severity(rawValue: parts[0]),
                let line = reader.readInt(), let column = reader.readInt(), let notes = reader.readStrings()
            else { return nil }
            let location = parts[3].isEmpty ? nil : SourceLocation(path: parts[3], line: line < 0 ? nil : line, column: column < 0 ? nil : column)
            diagnostics.append(Diagnostic(severity, .init(id: parts[1], text: parts[2], zh: parts[4].isEmpty ? nil : parts[4]), at: location, notes: notes))
        }
        return diagnostics
    }

    /// Findings without their path, which is the file's they are stored with.
    static func write(_ findings: [PersonalDataFinding], to writer: inout BinaryWriter) {
        writer.write(findings.count)
        for finding in findings {
            writer.write([finding.kind.rawValue, finding.masked])
            writer.write(finding.location.line ?? -1)
            writer.write(finding.location.column ?? -1)
        }
    }

    static func readFindings(_ reader: inout BinaryReader, path: String) -> [PersonalDataFinding]? {
        guard let count = reader.readInt(), count >= 0 else { return nil }
        var findings: [PersonalDataFinding] = []
        for _ in 0..<count {
            guard let parts = reader.readStrings(), parts.count == 2, let kind = PersonalDataFinding.Kind(rawValue: parts[0]),
                let line = reader.readInt(), let column = reader.readInt()
            else { return nil }
            let location = SourceLocation(path: path, line: line < 0 ? nil : line, column: column < 0 ? nil : column)
            findings.append(PersonalDataFinding(kind: kind, masked: parts[1], location: location))
        }
        return findings
    }
}
