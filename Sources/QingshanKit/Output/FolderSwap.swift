import Foundation

/// Puts a whole new folder in place: the content is assembled in a hidden sibling and
/// renamed in, so a first build that fails or is killed leaves no half-written site.
/// (Later builds update in place under `OutputJournal`.)
struct FolderSwap {
    let output: URL

    var staging: URL { sibling("new") }
    private var previous: URL { sibling("old") }

    private func sibling(_ role: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).qingshan-\(role)")
    }

    /// Finishes or undoes a swap that a killed build left halfway.
    func recoverInterruptedSwap() throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: previous.path) {
            try manager.moveItem(at: previous, to: output)
        }
        for leftover in [staging, previous] where manager.fileExists(atPath: leftover.path) {
            try manager.removeItem(at: leftover)
        }
    }

    /// Lets `fill` write the new folder beside its place, then renames it in (moving any
    /// folder already there aside first, and deleting it after).
    func replace(fill: (URL) throws -> Void) throws {
        try replace(filled: nil, fill: fill)
    }

    /// The same, when the new folder was made and partly filled already (`StagingFolder`).
    func replace(filled: URL?, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        do {
            if filled == nil { try manager.createDirectory(at: staging, withIntermediateDirectories: false) }
            try fill(staging)
        } catch {
            try? manager.removeItem(at: staging)
            let note = "the previous site in \(output.path) is unchanged"
            if var diagnostic = error as? Diagnostic {
                diagnostic.notes.append(note)
                throw diagnostic
            }
            throw Diagnostic.error(.outputWriteFailed(Self.describe(error)), at: nil, notes: [note])
        }
        if manager.fileExists(atPath: output.path) { try manager.moveItem(at: output, to: previous) }
        try manager.moveItem(at: staging, to: output)
        try? manager.removeItem(at: previous)
    }

    /// The system's own words for a file error ("No space left on device"), which
    /// Foundation's description on Linux often hides.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
