/// The central directory of a ZIP file, read from its bytes with every offset and length
/// checked against them: where each part's compressed data lies, how it is stored, and the
/// sizes and checksum the directory claims. Only what a workbook uses: no ZIP64, no
/// encryption, one disk.
///
/// Read here rather than through ZIPFoundation's `Archive`, which trusts a damaged file:
/// its extraction reads on past the entry until a deflate stream ends and, at the end of
/// the file, loops for ever on empty reads, with zlib told that each short read was a full
/// buffer (it reads past the bytes read). That hung `damagedWorkbooksNeverCrash` whenever
/// the heap past the buffer kept zlib waiting for more.
struct ZIPDirectory {
    struct Entry {
        var path: String
        /// 0 stored, 8 deflate.
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Entries by path; the first wins when a path repeats.
    private(set) var entries: [String: Entry] = [:]
    private(set) var count = 0

    /// `nil` when `bytes` hold no readable ZIP directory.
    init?(_ bytes: [UInt8], maxEntries: Int) throws(WorkbookError) {
        guard let end = Self.endOfDirectory(bytes) else { return nil }
        let total = Int(bytes.u16(at: end + 10))
        var offset = Int(bytes.u32(at: end + 16))
        while count < total {
            guard bytes.has(46, at: offset), bytes.u32(at: offset) == 0x0201_4B50 else { return nil }
            let nameLength = Int(bytes.u16(at: offset + 28))
            let next = offset + 46 + nameLength + Int(bytes.u16(at: offset + 30)) + Int(bytes.u16(at: offset + 32))
            guard next <= bytes.count else { return nil }
            count += 1
            if count > maxEntries { throw .tooManyEntries(limit: maxEntries) }
            let entry = Entry(
                path: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                method: bytes.u16(at: offset + 10), crc32: bytes.u32(at: offset + 16),
                compressedSize: Int(bytes.u32(at: offset + 20)), uncompressedSize: Int(bytes.u32(at: offset + 24)),
                localHeaderOffset: Int(bytes.u32(at: offset + 42)))
            if entries[entry.path] == nil { entries[entry.path] = entry }
            offset = next
        }
    }

    /// The offset of the end-of-central-directory record: the last one, within the 64 KB
    /// comment that may follow it.
    private static func endOfDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        for offset in stride(from: bytes.count - 22, through: lowest, by: -1) where bytes.u32(at: offset) == 0x0605_4B50 {
            return offset
        }
        return nil
    }

    /// Where `entry`'s data starts and ends in `bytes`, from its local header; `nil` when
    /// either lies outside them.
    static func dataRange(of entry: Entry, in bytes: [UInt8]) -> Range<Int>? {
        let header = entry.localHeaderOffset
        guard bytes.has(30, at: header), bytes.u32(at: header) == 0x0403_4B50 else { return nil }
        let start = header + 30 + Int(bytes.u16(at: header + 26)) + Int(bytes.u16(at: header + 28))
        let (end, overflow) = start.addingReportingOverflow(entry.compressedSize)
        guard !overflow, end <= bytes.count else { return nil }
        return start..<end
    }
}

extension [UInt8] {
    /// Whether `length` bytes exist from `offset`.
    fileprivate func has(_ length: Int, at offset: Int) -> Bool {
        offset >= 0 && offset <= count - length
    }

    /// Little-endian integers; the caller has checked the bounds (`has`), or reads within
    /// a record found inside them.
    fileprivate func u16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    fileprivate func u32(at offset: Int) -> UInt32 {
        UInt32(u16(at: offset)) | UInt32(u16(at: offset + 2)) << 16
    }
}
