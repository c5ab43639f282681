import Foundation

/// A cache file as read, with where each record is: saving a cache made from it copies
/// the bytes of each record (an output's entry, a page's front matter, a source stamp)
/// and section that equals the one read, instead of encoding it again. Values that were
/// carried over share their storage with those read, so comparing them is quick.
final class ReadCache: Sendable {
    let bytes: [UInt8]
    let layout: BuildCache.Layout
    /// The cache as decoded from `bytes`.
    let values: BuildCache
    let inputs: RecordSpans<Int>
    let entries: RecordSpans<BuildCache.Entry>
    let parsedPages: RecordSpans<ParsedPage>

    init(
        bytes: [UInt8], layout: BuildCache.Layout, values: BuildCache, inputs: RecordSpans<Int>, entries: RecordSpans<BuildCache.Entry>,
        parsedPages: RecordSpans<ParsedPage>
    ) {
        self.bytes = bytes
        self.layout = layout
        self.values = values
        self.inputs = inputs
        self.entries = entries
        self.parsedPages = parsedPages
    }
}

/// The records of one section as read: their paths in the order written (ascending
/// UTF-8 bytes), the bytes of each record (path included) and its value as decoded.
struct RecordSpans<Value: Sendable>: Sendable {
    var paths: [String] = []
    var ranges: [Range<Int>] = []
    var values: [Value] = []

    mutating func reserveCapacity(_ count: Int) {
        paths.reserveCapacity(count)
        ranges.reserveCapacity(count)
        values.reserveCapacity(count)
    }
}

extension BuildCache {
    /// Records by path, in the byte order of the paths; a record equal to the one read
    /// (`reusing`, whose paths are the keys of `known`) is copied from the file read.
    static func writeRecords<Value: Equatable>(
        _ values: [String: Value], reusing read: (known: [String: Value], records: RecordSpans<Value>, bytes: [UInt8])?,
        to writer: inout BinaryWriter, encode: (Value, inout BinaryWriter) -> Void
    ) {
        writer.write(values.count)
        guard let read else {
            for path in keysInByteOrder(Array(values.keys)) {
                writer.write(path)
                encode(values[path]!, &writer)
            }
            return
        }
        for (slot, index) in order(of: values, after: read.records.paths, known: read.known) {
            let (path, value) = values[slot]
            // The path's bytes too: a key equal to the one read may be written otherwise (é, e + ◌́).
            if let index, read.records.values[index] == value, Self.sameBytes(path, read.records.paths[index]) {
                writer.append(raw: read.bytes[read.records.ranges[index]])
            } else {
                writer.write(path)
                encode(value, &writer)
            }
        }
    }

    /// The keys of `values` in byte order, as their indexes, each with the index of its
    /// record read: the order read (`paths`, the keys of `known`), less the keys gone,
    /// with the new keys sorted and merged in. Sorting tens of thousands of paths again
    /// on every save was a fifth of encoding the cache.
    static func order<Value>(of values: [String: Value], after paths: [String], known: [String: Value]) -> [(
        slot: Dictionary<String, Value>.Index, read: Int?
    )] {
        typealias Item = (slot: Dictionary<String, Value>.Index, read: Int?)
        var order: [Item] = []
        order.reserveCapacity(values.count)
        for (index, path) in paths.enumerated() {
            if let slot = values.index(forKey: path) { order.append((slot, index)) }
        }
        guard order.count < values.count else { return order }
        let added = keysInByteOrder(values.keys.filter { known.index(forKey: $0) == nil })
        var merged: [Item] = []
        merged.reserveCapacity(values.count)
        var next = 0
        for path in added {
            while next < order.count, let read = order[next].read, SourceFile.utf8Precedes(paths[read], path) {
                merged.append(order[next])
                next += 1
            }
            merged.append((values.index(forKey: path)!, nil))
        }
        merged += order[next...]
        return merged
    }

    /// Records by path as `writeRecords` wrote them, with their spans; `nil` when one is
    /// damaged or the paths do not ascend.
    static func readRecords<Value>(_ reader: inout BinaryReader, read: (String, inout BinaryReader) -> Value?) -> (
        values: [String: Value], spans: RecordSpans<Value>
    )? {
        guard let count = reader.readInt(), count >= 0 else { return nil }
        var values: [String: Value] = [:]
        var spans = RecordSpans<Value>()
        let expected = min(count, 1 << 17)
        values.reserveCapacity(expected)
        spans.reserveCapacity(expected)
        for _ in 0..<count {
            let start = reader.position
            guard let path = reader.readString(), let value = read(path, &reader) else { return nil }
            if let last = spans.paths.last, !SourceFile.utf8Precedes(last, path) { return nil }
            // Two paths that differ only in their Unicode form are one key: not a cache this wrote.
            guard values.updateValue(value, forKey: path) == nil else { return nil }
            spans.paths.append(path)
            spans.ranges.append(start..<reader.position)
            spans.values.append(value)
        }
        return (values, spans)
    }

    /// `keys` in the byte order of their UTF-8 (`ByteOrder`).
    static func keysInByteOrder(_ keys: [String]) -> [String] { ByteOrder.sorted(keys) }

    static func keysInByteOrder<Value>(_ dictionary: [String: Value]) -> [String] { keysInByteOrder(Array(dictionary.keys)) }

    static func sameBytes(_ a: String, _ b: String) -> Bool { !SourceFile.utf8Precedes(a, b) && !SourceFile.utf8Precedes(b, a) }
}

// One record or section each.
extension BuildCache {
    static func write(_ entry: Entry, to writer: inout BinaryWriter) {
        writer.write(entry.key)
        writer.write(entry.datasetsUsed)
        writer.write(entry.search != nil)
        if let search = entry.search {
            writer.write([search.url, search.title, search.section, search.storedText])
            writer.write(search.key)
        }
        write(entry.warnings, to: &writer)
        writer.write(entry.size)
        writer.write(entry.modified)
    }

    /// - Parameters:
    ///   - search: read the search entry; without it, it is skipped (and `nil`).
    ///   - searchStart: where the skipped search entry starts (`readSearchEntry`), or -1.
    static func readEntry(path: String, _ reader: inout BinaryReader, search readsSearch: Bool = true, searchStart: inout Int) -> Entry? {
        guard let key = reader.readUInt64(), let datasets = reader.readStrings(), let hasSearch = reader.readBool() else { return nil }
        var search: SearchEntry?
        searchStart = -1
        if hasSearch && readsSearch {
            guard let entry = readSearchEntry(&reader) else { return nil }
            search = entry
        } else if hasSearch {
            searchStart = reader.position
            guard reader.skipStrings(), reader.readUInt64() != nil else { return nil }
        }
        guard let warnings = readDiagnostics(&reader), let size = reader.readInt(), let modified = reader.readInt() else { return nil }
        return Entry(key: key, datasetsUsed: datasets, search: search, warnings: warnings, size: size, modified: modified)
    }

    static func readSearchEntry(_ reader: inout BinaryReader) -> SearchEntry? {
        guard let parts = reader.readStrings(), parts.count == 4, let key = reader.readUInt64() else { return nil }
        return SearchEntry(url: parts[0], title: parts[1], section: parts[2], storedText: parts[3], key: key)
    }

    static func write(_ page: ParsedPage, to writer: inout BinaryWriter) {
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
        write(page.diagnostics, to: &writer)
        write(page.personalData, to: &writer)
    }

    static func readParsedPage(path: String, _ reader: inout BinaryReader) -> ParsedPage? {
        guard let hash = reader.readUInt64(), let texts = reader.readStrings(), texts.count == 6,
            let weight = reader.readInt(), let layoutLine = reader.readInt(), let layoutColumn = reader.readInt(),
            let bodyLineOffset = reader.readInt(), let draft = reader.readBool(),
            let keys = reader.readStrings()
        else { return nil }
        var params: [String: ParamValue] = [:]
        params.reserveCapacity(keys.count)
        for key in keys {
            guard let value = ParamValue.read(from: &reader), params.updateValue(value, forKey: key) == nil else { return nil }
        }
        guard let diagnostics = readDiagnostics(&reader), let personalData = readFindings(&reader, path: path) else { return nil }
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
        matter.params = params
        return ParsedPage(textHash: hash, frontMatter: matter, diagnostics: diagnostics, personalData: personalData, bodyLineOffset: bodyLineOffset)
    }

    static func write(_ datasetFindings: [String: DatasetFindings], to writer: inout BinaryWriter) {
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
    }

    static func readDatasetFindings(_ reader: inout BinaryReader) -> [String: DatasetFindings]? {
        guard let datasetCount = reader.readInt(), datasetCount >= 0 else { return nil }
        var datasetFindings: [String: DatasetFindings] = [:]
        for _ in 0..<datasetCount {
            guard let name = reader.readString(), let hash = reader.readUInt64(), let count = reader.readInt(), count >= 0 else { return nil }
            var findings: [(column: String, finding: PersonalDataFinding)] = []
            for _ in 0..<count {
                guard let parts = reader.readStrings(), parts.count == 4, let kind = PersonalDataFinding.Kind(rawValue: parts[1]),
                    let line = reader.readInt(), let column = reader.readInt()
                else { return nil }
                let location = SourceLocation(path: parts[3], line: line < 0 ? nil : line, column: column < 0 ? nil : column)
                findings.append((parts[0], PersonalDataFinding(kind: kind, masked: parts[2], location: location)))
            }
            datasetFindings[name] = DatasetFindings(sourceHash: hash, findings: findings)
        }
        return datasetFindings
    }

    static func write(_ openData: OpenDataFiles?, to writer: inout BinaryWriter) {
        writer.write(openData != nil)
        guard let openData else { return }
        writer.write(openData.key)
        writer.write(openData.files.count)
        for path in openData.files.keys.sorted() {
            writer.write(path)
            writer.write(bytes: [UInt8](openData.files[path]!))
        }
        write(openData.diagnostics, to: &writer)
    }

    /// `.some(nil)` when the cache holds no open data.
    static func readOpenData(_ reader: inout BinaryReader) -> OpenDataFiles?? {
        guard let hasOpenData = reader.readBool() else { return nil }
        guard hasOpenData else { return .some(nil) }
        guard let key = reader.readUInt64(), let count = reader.readInt(), count >= 0 else { return nil }
        var files: [String: Data] = [:]
        for _ in 0..<count {
            guard let path = reader.readString(), let bytes = reader.readBytes() else { return nil }
            files[path] = Data(bytes)
        }
        guard let diagnostics = readDiagnostics(&reader) else { return nil }
        return OpenDataFiles(key: key, files: files, diagnostics: diagnostics)
    }
}
