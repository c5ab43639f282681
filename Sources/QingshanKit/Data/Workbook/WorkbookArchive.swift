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
/// The bytes a part really inflates to are counted as they come, so a ZIP that understates
/// its sizes is stopped at the limit too; a part whose stated sizes claim more than
/// `SafetyLimits.maxWorkbookCompressionRatio` to one is refused before it is inflated.
struct WorkbookArchive {
    private let archive: Archive
    private let limits: WorkbookLimits
    /// Uncompressed bytes read so far, across parts.
    private var spent = 0
    /// The file's size: no honest entry is larger once compressed.
    private let fileSize: Int

    /// - Parameters:
    ///   - url: the workbook file. ZIPFoundation reads it through stdio: its in-memory
    ///     backend traps on a damaged ZIP whose offsets point past the end (found by
    ///     `WorkbookSafetyTests.damagedWorkbooksNeverCrash`), the file backend just reads less.
    ///   - head: the file's first bytes, to tell a legacy or encrypted workbook from a ZIP.
    init(url: URL, head: Data, limits: WorkbookLimits) throws(WorkbookError) {
        // An OLE compound file: a legacy .xls, or an .xlsx protected by a password (Office
        // encrypts it into such a container).
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .compoundFile }
        guard head.starts(with: [0x50, 0x4B]) else { throw .notZip }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            throw .notZip
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.entries { throw .tooManyEntries(limit: limits.entries) }
        }
        self.archive = archive
        self.limits = limits
        fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    /// The bytes of part `path` (`xl/workbook.xml`), or `nil` when the workbook has no such part.
    mutating func read(_ path: String) throws(WorkbookError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let stated = Int(clamping: entry.uncompressedSize)
        // A damaged directory can claim gigabytes of compressed data in a small file;
        // ZIPFoundation would then read empty chunks for minutes (found by the damage tests).
        if compressed > fileSize { throw .damagedPart(part: path) }
        if stated > 1 << 20, stated / compressed > SafetyLimits.maxWorkbookCompressionRatio {
            throw .compressionRatio(part: path, ratio: stated / compressed)
        }
        if stated > limits.uncompressedBytes - spent { throw .tooLarge(limit: limits.uncompressedBytes) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stated)
        var budget = limits.uncompressedBytes - spent
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                budget -= chunk.count
                if budget < 0 { throw WorkbookError.tooLarge(limit: limits.uncompressedBytes) }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .damagedPart(part: path)
        }
        spent += bytes.count
        return bytes
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
        return .error(message.atCell("\(sheet)!\(cell)"), at: SourceLocation(path: path, line: cell.row, column: cell.column))
    }
}
