public import Foundation
import ZIPFoundation

/// A ZIP whose bytes depend only on its entries: sorted by the UTF-8 bytes of their
/// paths, one fixed modification date, fixed permissions, deflate. Shared by the
/// offline bundle (`SiteArchive`) and the XLSX downloads (`DatasetXLSXWriter`).
///
/// The only file that imports ZIPFoundation for writing, so its names stay here.
enum DeterministicZIP {
    /// 1980-01-01 00:00:00 UTC, the earliest time a ZIP (MS-DOS) date can hold.
    static let earliestDate = Date(timeIntervalSince1970: 315_532_800)

    /// One entry: a file with its bytes, or a folder (`data == nil`, path ending in `/`).
    struct Entry {
        var path: String
        var data: Data?
    }

    /// The ZIP of `entries`, in the byte order of their paths (independent of locale
    /// and of Unicode collation), each stamped `modificationDate`.
    ///
    /// - Parameter modificationDate: kept as an MS-DOS date at 2-second steps, converted
    ///   with `gmtime` by ZIPFoundation: the time zone of the build does not show.
    static func make(_ entries: [Entry], modificationDate: Date = earliestDate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for entry in sorted {
            if let data = entry.data {
                // ZIPFoundation sets the UTF-8 name flag (bit 11) on every entry, so Chinese
                // names unpack correctly where the unzip tool honours it (Windows 10+, macOS, Info-ZIP 6).
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: modificationDate, permissions: 0o644, compressionMethod: .deflate
                ) { (position: Int64, size: Int) in
                    // `data` may be a slice: offsets count from its start index.
                    data.subdata(in: (data.startIndex + Int(position))..<(data.startIndex + Int(position) + size))
                }
            } else {
                try archive.addEntry(
                    with: entry.path, type: .directory, uncompressedSize: 0,
                    modificationDate: modificationDate, permissions: 0o755
                ) { (_: Int64, _: Int) in Data() }
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
