import Foundation
import ZIPFoundation

/// The bounds on a workbook's ZIP container (`limits:` in `site.yaml`: `workbookBytes`,
/// `workbookEntries`); see `SafetyLimits` for the defaults and why.
public struct WorkbookLimits: Sendable, Hashable {
    /// Uncompressed bytes read from all the parts of one workbook together.
    public var uncompressedBytes = SafetyLimits.maxWorkbookUncompressedBytes
    /// Entries in the ZIP's directory.
    public var entries = SafetyLimits.maxWorkbookEntries

    public init() {}
}

/// The parts of an `.xlsx` (a ZIP of XML files), read one at a time within `WorkbookLimits`.
///
/// The directory is read by `ZIPDirectory`, every offset checked; a part's compressed bytes
/// are inflated by zlib (through ZIPFoundation's `Data.decompress`) from exactly the bytes
/// the directory gives it, so damage ends in an error, never a read past the part. The
/// bytes a part really inflates to are counted as they come, so a ZIP that understates its
/// sizes is stopped at the limit too; a part whose stated sizes claim more than
/// `SafetyLimits.maxWorkbookCompressionRatio` to one is refused before it is inflated.
struct WorkbookArchive {
    private let bytes: [UInt8]
    private let directory: ZIPDirectory
    private let limits: WorkbookLimits
    /// Uncompressed bytes read so far, across parts.
    private var spent = 0

    /// - Parameter data: the whole workbook file.
    init(data: Data, limits: WorkbookLimits) throws(WorkbookError) {
        // An OLE compound file: a legacy .xls, or an .xlsx protected by a password (Office
        // encrypts it into such a container).
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .compoundFile }
        guard data.starts(with: [0x50, 0x4B]) else { throw .notZip }
        let bytes = [UInt8](data)
        guard let directory = try ZIPDirectory(bytes, maxEntries: limits.entries) else { throw .notZip }
        self.bytes = bytes
        self.directory = directory
        self.limits = limits
    }

    /// The bytes of part `path` (`xl/workbook.xml`), or `nil` when the workbook has no such part.
    mutating func read(_ path: String) throws(WorkbookError) -> [UInt8]? {
        guard let entry = directory.entries[path] else { return nil }
        guard let range = ZIPDirectory.dataRange(of: entry, in: bytes) else { throw .damagedPart(part: path) }
        let stated = entry.uncompressedSize
        if stated > 1 << 20, stated / max(entry.compressedSize, 1) > SafetyLimits.maxWorkbookCompressionRatio {
            throw .compressionRatio(part: path, ratio: stated / max(entry.compressedSize, 1))
        }
        if stated > limits.uncompressedBytes - spent { throw .tooLarge(limit: limits.uncompressedBytes) }
        let part: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == stated else { throw .damagedPart(part: path) }
            part = Array(bytes[range])
        case 8:
            part = try inflate(range, entry: entry, budget: limits.uncompressedBytes - spent)
        default:
            throw .damagedPart(part: path)
        }
        spent += part.count
        return part
    }

    /// The deflated bytes in `range`, inflated; at most `budget` bytes come out.
    ///
    /// zlib is handed exactly `chunkSize` bytes each time (ZIPFoundation tells it so): the
    /// last chunk is padded with zeros, and asking past it is an error, which ends a stream
    /// that a damaged part leaves unfinished.
    private func inflate(_ range: Range<Int>, entry: ZIPDirectory.Entry, budget: Int) throws(WorkbookError) -> [UInt8] {
        let compressed = Data(bytes[range])
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, budget))
        let limit = limits.uncompressedBytes
        do {
            let checksum = try Data.decompress(
                size: Int64(compressed.count), bufferSize: 16 * 1024, skipCRC32: false,
                provider: { position, chunkSize in
                    let from = Int(position)
                    guard from < compressed.count else { throw WorkbookError.damagedPart(part: entry.path) }
                    var chunk = compressed.subdata(in: from..<min(from + chunkSize, compressed.count))
                    if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
                    return chunk
                },
                consumer: { piece in
                    if output.count + piece.count > budget { throw WorkbookError.tooLarge(limit: limit) }
                    output.append(contentsOf: piece)
                })
            guard checksum == entry.crc32 else { throw WorkbookError.damagedPart(part: entry.path) }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .damagedPart(part: entry.path)
        }
        return output
    }
}

/// Why a workbook could not be read as a whole (cell problems are diagnostics instead).
enum WorkbookError: Error, Equatable {
    case notZip
    case compoundFile
    case tooManyEntries(limit: Int)
    case tooLarge(limit: Int)
    case compressionRatio(part: String, ratio: Int)
    case damagedPart(part: String)
    case missingPart(String)
    case xml(part: String, failure: XMLScanner.Failure)
    case noSheets

    var message: Diagnostic.Message {
        switch self {
        case .notZip: .workbookNotZip
        case .compoundFile: .workbookCompoundFile
        case .tooManyEntries(let limit): .workbookTooManyEntries(limit: limit)
        case .tooLarge(let limit): .workbookTooLarge(limit: limit)
        case .compressionRatio(let part, let ratio): .workbookCompressionRatio(part: part, ratio: ratio, limit: SafetyLimits.maxWorkbookCompressionRatio)
        case .damagedPart(let part): .workbookDamagedPart(part)
        case .missingPart(let part): .workbookMissingPart(part)
        case .xml(let part, let failure): .workbookXML(part: part, failure: failure)
        case .noSheets: .workbookNoSheets
        }
    }

    /// The error as a diagnostic on the workbook at `path`. A sheet part that failed inside a
    /// cell of `sheet` puts it at that cell (line = row) and names it (`村庄名单!K5: …`), as
    /// cell problems are; other failures name the line and column in the part.
    func diagnostic(path: String, sheet: String?) -> Diagnostic {
        guard case .xml(_, let failure) = self, let cell = failure.cell, let sheet else {
            return .error(message, at: SourceLocation(path: path))
        }
        let name = "\(sheet)!\(cell)"
        var named = message.naming(cell: name, titles: [:])
        named.text = "\(name): \(message.text)"
        return .error(named, at: SourceLocation(path: path, line: cell.row, column: cell.column))
    }
}
