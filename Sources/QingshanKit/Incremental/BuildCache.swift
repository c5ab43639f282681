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
    static let formatVersion = 17
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
    /// Set when only the stamps were decoded: the reader, positioned after them, for
    /// `completed()` (which goes on from there instead of decoding the stamps again).
    var unreadRest: BinaryReader?
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

    struct OpenDataFiles: Sendable {
        var key: UInt64
        var files: [String: Data]
        var diagnostics: [Diagnostic]
    }

    struct DatasetFindings: Sendable {
        /// `Dataset.sourceHash` of the dataset scanned.
        var sourceHash: UInt64
        var findings: [(column: String, finding: PersonalDataFinding)]
    }

    init(outputFolder: String, entries: [String: Entry] = [:]) {
        self.outputFolder = outputFolder
        self.entries = entries
    }

    /// "content/data/villages.csv changed", "2 files changed, 1 added: …", or "no source changed".
    static func describeChanges(from old: [String: Int], to new: [String: Int]) -> String {
        let changed = new.keys.filter { old[$0] != nil && old[$0] != new[$0] }.sorted()
        let added = new.keys.filter { old[$0] == nil }.sorted()
        let removed = old.keys.filter { new[$0] == nil }.sorted()
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
        guard let data = try? Data(contentsOf: url(root: root)) else { return nil }
        return decode(data, stampsOnly: stampsOnly)
    }

    /// The whole cache: itself when it was decoded whole, else decoded again from its
    /// data; `nil` when that data turns out to be damaged after its first part.
    func completed() -> BuildCache? {
        guard var reader = unreadRest else { return self }
        var cache = self
        cache.unreadRest = nil
        return cache.decodeRest(&reader) ? cache : nil
    }

    func encoded() -> Data {
        var writer = BinaryWriter()
        writer.write(Self.magic)
        writer.write(Self.formatVersion)
        writer.write(outputFolder)
        writer.write(inputsTaken)
        writer.write(inputs.count)
        for path in Self.keysInByteOrder(inputs) {
            writer.write(path)
            writer.write(inputs[path]!)
        }
        writer.write(others.count)
        for path in others.keys.sorted() {
            writer.write(path)
            writer.write(others[path]!)
        }
        Self.write(warnings, to: &writer)
        writer.write(entries.count)
        // Byte order, not `String`'s Unicode order: as deterministic, and several times
        // faster over the tens of thousands of paths of a large site.
        for path in Self.keysInByteOrder(entries) {
            let entry = entries[path]!
            writer.write(path)
            writer.write(entry.key)
            writer.write(entry.datasetsUsed)
            writer.write(entry.search != nil)
            if let search = entry.search {
                writer.write([search.url, search.title, search.section, search.storedText])
                writer.write(search.key)
            }
            Self.write(entry.warnings, to: &writer)
            writer.write(entry.size)
            writer.write(entry.modified)
        }
        writer.write(parsedPages.count)
        for path in Self.keysInByteOrder(parsedPages) {
            let page = parsedPages[path]!
            writer.write(path)
            writer.write(page.textHash)
            let matter = page.frontMatter
            writer.write([matter.title, matter.date ?? "\u{0}", matter.lastmod ?? "\u{0}", matter.summary, matter.slug ?? "\u{0}", matter.layout ?? "\u{0}"])
            writer.write(matter.weight)
            writer.write(matter.layoutLine)
            writer.write(matter.layoutColumn)
            writer.write(page.bodyLineOffset)
            writer.write(matter.draft)
            let keys = matter.params.keys.sorted()
            writer.write(keys)
            for key in keys { matter.params[key]!.write(to: &writer) }
            Self.write(page.diagnostics, to: &writer)
            Self.write(page.personalData, to: &writer)
        }
        searchTokens.write(to: &writer)
        writer.write(datasetFindings.count)
        for name in datasetFindings.keys.sorted() {
            let entry = datasetFindings[name]!
            writer.write(name)
            writer.write(entry.sourceHash)
            writer.write(entry.findings.count)
            for (column, finding) in entry.findings {
                writer.write([column, finding.kind.rawValue, finding.masked, finding.location.path])
                writer.write(finding.location.line ?? -1)
                writer.write(finding.location.column ?? -1)
            }
        }
        writer.write(openData != nil)
        if let openData {
            writer.write(openData.key)
            writer.write(openData.files.count)
            for path in openData.files.keys.sorted() {
                writer.write(path)
                writer.write(bytes: [UInt8](openData.files[path]!))
            }
            Self.write(openData.diagnostics, to: &writer)
        }
        return writer.data
    }

    /// The keys of `dictionary` in the byte order of their UTF-8 (`ByteOrder`).
    static func keysInByteOrder<Value>(_ dictionary: [String: Value]) -> [String] {
        ByteOrder.sorted(Array(dictionary.keys))
    }

    /// The cache in `data`; with `stampsOnly`, only what a build with nothing to do needs
    /// (the stamps, the entries), keeping `data` so that `completed()` can read the rest.
    static func decode(_ data: Data, stampsOnly: Bool = false) -> BuildCache? {
        var reader = BinaryReader(data)
        guard reader.readString() == magic, reader.readInt() == formatVersion,
            let folder = reader.readString(), let inputsTaken = reader.readInt(), let inputCount = reader.readInt(), inputCount >= 0
        else { return nil }
        var inputs: [String: Int] = [:]
        inputs.reserveCapacity(min(inputCount, data.count / 16))
        for _ in 0..<inputCount {
            guard let path = reader.readString(), let stamp = reader.readInt() else { return nil }
            inputs[path] = stamp
        }
        guard let otherCount = reader.readInt(), otherCount >= 0 else { return nil }
        var others: [String: Int] = [:]
        for _ in 0..<otherCount {
            guard let path = reader.readString(), let stamp = reader.readInt() else { return nil }
            others[path] = stamp
        }
        guard let warnings = readDiagnostics(&reader), let count = reader.readInt(), count >= 0 else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(min(count, data.count / 16))
        for _ in 0..<count {
            guard let path = reader.readString(), let key = reader.readUInt64(),
                let datasets = reader.readStrings(), let hasSearch = reader.readBool()
            else { return nil }
            var search: SearchEntry?
            if hasSearch {
                guard let parts = reader.readStrings(), parts.count == 4, let key = reader.readUInt64() else { return nil }
                search = SearchEntry(url: parts[0], title: parts[1], section: parts[2], storedText: parts[3], key: key)
            }
            guard let warnings = readDiagnostics(&reader) else { return nil }
            guard let size = reader.readInt(), let modified = reader.readInt() else { return nil }
            entries[path] = Entry(key: key, datasetsUsed: datasets, search: search, warnings: warnings, size: size, modified: modified)
        }
        var cache = BuildCache(outputFolder: folder, entries: entries)
        cache.inputs = inputs
        cache.inputsTaken = inputsTaken
        cache.others = others
        cache.warnings = warnings
        if stampsOnly {
            // Enough for a build with nothing to do; the rest is read if there is work.
            cache.unreadRest = reader
            return cache
        }
        return cache.decodeRest(&reader) ? cache : nil
    }

    /// Reads what follows the entries (parsed pages, search tokens, dataset findings, open
    /// data) into this cache; `false` when it is damaged.
    private mutating func decodeRest(_ reader: inout BinaryReader) -> Bool {
        guard let parsedCount = reader.readInt(), parsedCount >= 0 else { return false }
        var parsedPages: [String: ParsedPage] = [:]
        for _ in 0..<parsedCount {
            guard let path = reader.readString(), let hash = reader.readUInt64(), let texts = reader.readStrings(), texts.count == 6,
                let weight = reader.readInt(), let layoutLine = reader.readInt(), let layoutColumn = reader.readInt(),
                let bodyLineOffset = reader.readInt(), let draft = reader.readBool(),
                let keys = reader.readStrings()
            else { return false }
            var values: [ParamValue] = []
            for _ in keys {
                guard let value = ParamValue.read(from: &reader) else { return false }
                values.append(value)
            }
            guard let diagnostics = Self.readDiagnostics(&reader), let personalData = Self.readFindings(&reader, path: path) else { return false }
            func optional(_ text: String) -> String? { text == "\u{0}" ? nil : text }
            var matter = FrontMatter()
            matter.title = texts[0]
            matter.date = optional(texts[1])
            matter.lastmod = optional(texts[2])
            matter.summary = texts[3]
            matter.slug = optional(texts[4])
            matter.layout = optional(texts[5])
            matter.weight = weight
            matter.layoutLine = layoutLine
            matter.layoutColumn = layoutColumn
            matter.draft = draft
            matter.params = Dictionary(uniqueKeysWithValues: zip(keys, values))
            parsedPages[path] = ParsedPage(
                textHash: hash, frontMatter: matter, diagnostics: diagnostics, personalData: personalData, bodyLineOffset: bodyLineOffset)
        }
        guard let searchTokens = SearchTokenCache.read(from: &reader), let datasetCount = reader.readInt(), datasetCount >= 0 else { return false }
        var datasetFindings: [String: DatasetFindings] = [:]
        for _ in 0..<datasetCount {
            guard let name = reader.readString(), let hash = reader.readUInt64(), let count = reader.readInt(), count >= 0 else { return false }
            var findings: [(column: String, finding: PersonalDataFinding)] = []
            for _ in 0..<count {
                guard let parts = reader.readStrings(), parts.count == 4, let kind = PersonalDataFinding.Kind(rawValue: parts[1]),
                    let line = reader.readInt(), let column = reader.readInt()
                else { return false }
                let location = SourceLocation(path: parts[3], line: line < 0 ? nil : line, column: column < 0 ? nil : column)
                findings.append((parts[0], PersonalDataFinding(kind: kind, masked: parts[2], location: location)))
            }
            datasetFindings[name] = DatasetFindings(sourceHash: hash, findings: findings)
        }
        guard let hasOpenData = reader.readBool() else { return false }
        var openData: OpenDataFiles?
        if hasOpenData {
            guard let key = reader.readUInt64(), let count = reader.readInt(), count >= 0 else { return false }
            var files: [String: Data] = [:]
            for _ in 0..<count {
                guard let path = reader.readString(), let bytes = reader.readBytes() else { return false }
                files[path] = Data(bytes)
            }
            guard let diagnostics = Self.readDiagnostics(&reader) else { return false }
            openData = OpenDataFiles(key: key, files: files, diagnostics: diagnostics)
        }
        guard reader.isAtEnd else { return false }
        self.parsedPages = parsedPages
        self.searchTokens = searchTokens
        self.datasetFindings = datasetFindings
        self.openData = openData
        return true
    }

    private static func write(_ diagnostics: [Diagnostic], to writer: inout BinaryWriter) {
        writer.write(diagnostics.count)
        for diagnostic in diagnostics {
            writer.write([diagnostic.severity.rawValue, diagnostic.message.id, diagnostic.message.text, diagnostic.location?.path ?? "", diagnostic.message.zh ?? ""])
            writer.write(diagnostic.location?.line ?? -1)
            writer.write(diagnostic.location?.column ?? -1)
            writer.write(diagnostic.notes)
        }
    }

    private static func readDiagnostics(_ reader: inout BinaryReader) -> [Diagnostic]? {
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
