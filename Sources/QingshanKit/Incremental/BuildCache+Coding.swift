import Foundation

/// The layout of `.qingshan/cache.bin`: the magic and format version, a table with the
/// length and checksum of each section, then the sections in order. A section whose
/// bytes do not have their checksum is damaged, and a damaged cache is not used (a full
/// build, never a wrong one).
extension BuildCache {
    enum Section: Int, CaseIterable, Sendable {
        /// The output folder, the source stamps, the other files' stamps, the site's warnings.
        case head
        /// One record per output (`Entry`), by path.
        case entries
        /// One record per page file (`ParsedPage`), by path.
        case parsedPages
        /// `SearchTokenCache`, as it writes itself.
        case searchTokens
        case datasetFindings
        case openData
    }

    /// Where each section of a cache file is, from its table.
    struct Layout: Sendable {
        var ranges: [Range<Int>] = []
        var checksums: [UInt64] = []

        /// The table at the start of `bytes`; `nil` for another format or version.
        init?(_ bytes: [UInt8]) {
            var reader = BinaryReader(bytes: bytes)
            let count = Section.allCases.count
            guard reader.readString() == BuildCache.magic, reader.readInt() == BuildCache.formatVersion, reader.readInt() == count else { return nil }
            var start = reader.position + count * 16
            for _ in 0..<count {
                guard let length = reader.readInt(), length >= 0, length <= bytes.count, let checksum = reader.readUInt64() else { return nil }
                ranges.append(start..<(start + length))
                checksums.append(checksum)
                start += length
            }
        }

        subscript(section: Section) -> Range<Int> { ranges[section.rawValue] }

        /// Whether `section` is whole in `bytes` and has its checksum.
        func isIntact(_ section: Section, in bytes: [UInt8]) -> Bool {
            let range = self[section]
            return range.upperBound <= bytes.count && BuildCache.checksum(of: bytes[range]) == checksums[section.rawValue]
        }
    }

    /// A section's checksum: four `StableHash`-like lanes over 32 bytes a step (a build
    /// with nothing to do checks the stamps and entries; one lane cost it 1 % more).
    /// Each step is a bijection of its lane, so a changed byte always changes its lane.
    static func checksum(of bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var (a, b, c, d): (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x0100_0000_01b3_0001, 0x2545_f491_4f6c_dd1d)
            func mix(_ lane: inout UInt64, _ offset: Int) {
                lane = (lane ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* multiplier
                lane ^= lane >> 32
            }
            var index = 0
            while index + 32 <= raw.count {
                mix(&a, index)
                mix(&b, index + 8)
                mix(&c, index + 16)
                mix(&d, index + 24)
                index += 32
            }
            var hash = StableHash()
            hash.combine(buffer: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[index...]))
            for lane in [a, b, c, d] { hash.combine(lane) }
            hash.combine(raw.count)
            return hash.value
        }
    }

    func encoded() -> Data { Data(encodedBytes()) }

    /// The bytes of `.qingshan/cache.bin`: the records and sections equal to those read
    /// (`readFrom`) are copied from the file read, the others encoded. The search tokens
    /// (opaque, changed by any edit of a page's text) are encoded on another core meanwhile.
    func encodedBytes() -> [UInt8] {
        var writer = BinaryWriter()
        writer.reserveCapacity((readFrom?.bytes.count ?? 0) + 1 << 16)
        writer.write(Self.magic)
        writer.write(Self.formatVersion)
        writer.write(Section.allCases.count)
        let table = writer.count
        for _ in Section.allCases {
            writer.write(0)
            writer.write(0)
        }
        let tokens = ResultSlots<[UInt8]>(count: 1)
        let encodingTokens = DispatchGroup()
        DispatchQueue.global().async(group: encodingTokens) { [searchTokens] in
            var section = BinaryWriter()
            searchTokens.write(to: &section)
            tokens[0] = section.written
        }
        var ranges: [Range<Int>] = []
        for section in [Section.head, .entries, .parsedPages] {
            let start = writer.count
            write(section, to: &writer)
            ranges.append(start..<writer.count)
        }
        encodingTokens.wait()
        ranges.append(writer.count..<(writer.count + tokens[0].count))
        writer.append(raw: tokens[0][...])
        for section in [Section.datasetFindings, .openData] {
            let start = writer.count
            write(section, to: &writer)
            ranges.append(start..<writer.count)
        }
        let checksums = ranges.map { Self.checksum(of: writer.written[$0]) }
        for (index, range) in ranges.enumerated() {
            writer.overwrite(UInt64(range.count), at: table + index * 16)
            writer.overwrite(checksums[index], at: table + index * 16 + 8)
        }
        return writer.written
    }

    private func write(_ section: Section, to writer: inout BinaryWriter) {
        let read = readFrom
        switch section {
        case .head:
            writer.write(outputFolder)
            writer.write(inputsTaken)
            Self.writeRecords(inputs, reusing: read.map { ($0.values.inputs, $0.inputs, $0.bytes) }, to: &writer) { $1.write($0) }
            writer.write(others.count)
            for path in others.keys.sorted() {
                writer.write(path)
                writer.write(others[path]!)
            }
            Self.write(warnings, to: &writer)
        case .entries:
            Self.writeRecords(entries, reusing: read.map { ($0.values.entries, $0.entries, $0.bytes) }, to: &writer, encode: Self.write)
        case .parsedPages:
            Self.writeRecords(parsedPages, reusing: read.map { ($0.values.parsedPages, $0.parsedPages, $0.bytes) }, to: &writer, encode: Self.write)
        case .searchTokens:
            searchTokens.write(to: &writer)  // (`encodedBytes` encodes them on another core)
        case .datasetFindings:
            if let read, read.values.datasetFindings == datasetFindings {
                writer.append(raw: read.bytes[read.layout[section]])
            } else {
                Self.write(datasetFindings, to: &writer)
            }
        case .openData:
            if let read, read.values.openData == openData {
                writer.append(raw: read.bytes[read.layout[section]])
            } else {
                Self.write(openData, to: &writer)
            }
        }
    }

    /// The cache in `data` (see `decode(bytes:stampsOnly:)`).
    static func decode(_ data: Data, stampsOnly: Bool = false) -> BuildCache? {
        decode(bytes: [UInt8](data), stampsOnly: stampsOnly)
    }

    /// The cache in `bytes`; with `stampsOnly`, only what a build with nothing to do needs
    /// (the head, and the entries without their search entries: making those strings was
    /// most of decoding for a no-op), keeping `bytes` so that `completed()` can read the rest.
    static func decode(bytes: [UInt8], stampsOnly: Bool = false) -> BuildCache? {
        guard let layout = Layout(bytes), layout.isIntact(.head, in: bytes), layout.isIntact(.entries, in: bytes) else { return nil }
        var partial = PartialRead(bytes: bytes, layout: layout)
        var cache = BuildCache(outputFolder: "")
        guard cache.decodeHead(&partial), cache.decodeEntries(&partial, search: !stampsOnly) else { return nil }
        cache.unreadRest = partial
        return stampsOnly ? cache : cache.completed()
    }

    /// Reads the entries section into this cache (see `readEntry`); without `search`,
    /// `partial` keeps where each skipped search entry starts, for `decodeRest`.
    private mutating func decodeEntries(_ partial: inout PartialRead, search: Bool) -> Bool {
        var reader = partial.reader(.entries)
        var searchStarts: [Int] = []
        var start = -1
        let entries = Self.readRecords(&reader) { path, reader in
            let entry = Self.readEntry(path: path, &reader, search: search, searchStart: &start)
            if !search { searchStarts.append(start) }
            return entry
        }
        guard let entries, partial.ends(reader, .entries) else { return false }
        self.entries = entries.values
        partial.entries = entries.spans
        partial.entriesHaveSearch = search
        partial.searchStarts = searchStarts
        return true
    }

    /// `entries` and their spans with the search entries that `decodeEntries` skipped;
    /// `nil` when one is damaged. Only their strings are made: the entries were read whole
    /// a second time, before the other sections, as long as the parsed pages to decode.
    private static func withSearchEntries(_ partial: PartialRead, entries: [String: Entry]) -> (
        entries: [String: Entry], spans: RecordSpans<Entry>
    )? {
        var (entries, spans) = (entries, partial.entries)
        guard !partial.entriesHaveSearch else { return (entries, spans) }
        for (index, start) in partial.searchStarts.enumerated() where start >= 0 {
            var reader = BinaryReader(bytes: partial.bytes, at: start)
            guard let search = readSearchEntry(&reader) else { return nil }
            spans.values[index].search = search
            entries[spans.paths[index]]?.search = search
        }
        return (entries, spans)
    }

    private mutating func decodeHead(_ partial: inout PartialRead) -> Bool {
        var reader = partial.reader(.head)
        guard let folder = reader.readString(), let taken = reader.readInt(), let inputs = Self.readRecords(&reader, read: { $1.readInt() }),
            let otherCount = reader.readInt(), otherCount >= 0
        else { return false }
        var others: [String: Int] = [:]
        for _ in 0..<otherCount {
            guard let path = reader.readString(), let stamp = reader.readInt() else { return false }
            others[path] = stamp
        }
        guard let warnings = Self.readDiagnostics(&reader), partial.ends(reader, .head) else { return false }
        (outputFolder, inputsTaken, self.inputs, self.others, self.warnings) = (folder, taken, inputs.values, others, warnings)
        partial.inputs = inputs.spans
        return true
    }

    /// Reads the sections after the entries, and the search entries skipped in them, into
    /// this cache; `false` when one is damaged. The parsed pages, the search tokens and the
    /// search entries are decoded on the cores there are.
    mutating func decodeRest(_ read: PartialRead) -> Bool {
        let partial = read
        let (bytes, layout) = (partial.bytes, partial.layout)
        let rest: [Section] = [.parsedPages, .searchTokens, .datasetFindings, .openData]
        guard layout.ranges.last?.upperBound == bytes.count, rest.allSatisfy({ layout.isIntact($0, in: bytes) }) else { return false }
        let parsedSlot = ResultSlots<(values: [String: ParsedPage], spans: RecordSpans<ParsedPage>)?>(count: 1)
        let othersSlot = ResultSlots<(SearchTokenCache, [String: DatasetFindings], OpenDataFiles?)?>(count: 1)
        let searchSlot = ResultSlots<(entries: [String: Entry], spans: RecordSpans<Entry>)?>(count: 1)
        let entries = self.entries
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0: parsedSlot[0] = Self.decodeParsedPages(partial)
            case 1: othersSlot[0] = Self.decodeTokensAndData(partial)
            default: searchSlot[0] = Self.withSearchEntries(partial, entries: entries)
            }
        }
        guard let parsed = parsedSlot[0], let (searchTokens, findings, openData) = othersSlot[0], let read = searchSlot[0] else { return false }
        (self.entries, self.parsedPages, self.searchTokens, self.datasetFindings, self.openData) = (read.entries, parsed.values, searchTokens, findings, openData)
        readFrom = ReadCache(bytes: bytes, layout: layout, values: self, inputs: partial.inputs, entries: read.spans, parsedPages: parsed.spans)
        return true
    }

    private static func decodeParsedPages(_ partial: PartialRead) -> (values: [String: ParsedPage], spans: RecordSpans<ParsedPage>)? {
        var reader = partial.reader(.parsedPages)
        guard let parsed = readRecords(&reader, read: readParsedPage), partial.ends(reader, .parsedPages) else { return nil }
        return parsed
    }

    private static func decodeTokensAndData(_ partial: PartialRead) -> (SearchTokenCache, [String: DatasetFindings], OpenDataFiles?)? {
        var reader = partial.reader(.searchTokens)
        guard let searchTokens = SearchTokenCache.read(from: &reader), partial.ends(reader, .searchTokens) else { return nil }
        reader = partial.reader(.datasetFindings)
        guard let findings = readDatasetFindings(&reader), partial.ends(reader, .datasetFindings) else { return nil }
        reader = partial.reader(.openData)
        guard let openData = readOpenData(&reader), partial.ends(reader, .openData) else { return nil }
        return (searchTokens, findings, openData)
    }
}

/// A cache file whose first sections are decoded: what `BuildCache.completed()` needs to
/// decode the rest.
struct PartialRead: Sendable {
    var bytes: [UInt8]
    var layout: BuildCache.Layout
    var inputs = RecordSpans<Int>()
    var entries = RecordSpans<BuildCache.Entry>()
    /// Whether `entries` were read with their search entries (see `BuildCache.readEntry`);
    /// if not, where each record's search entry starts (-1 for none).
    var entriesHaveSearch = true
    var searchStarts: [Int] = []

    func reader(_ section: BuildCache.Section) -> BinaryReader { BinaryReader(bytes: bytes, at: layout[section].lowerBound) }

    /// Whether `reader` stopped exactly at the end of `section`.
    func ends(_ reader: BinaryReader, _ section: BuildCache.Section) -> Bool { reader.position == layout[section].upperBound }
}
