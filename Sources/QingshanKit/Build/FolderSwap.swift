import Foundation

/// Replaces a folder as a whole: the new content is assembled in a hidden sibling and
/// renamed into place, so readers and deploy tools see either the old site or the new
/// one, never a mixture, and a build that fails or is killed leaves the old one intact.
///
/// Unchanged files are hard links to the old ones: no bytes are copied and their
/// modification times stay as they were (the build cache and `rsync` rely on that).
struct FolderSwap {
    let output: URL

    private var staging: URL { sibling("new") }
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

    /// Builds the new folder from the old one, less `skipping` (paths relative to the
    /// folder), lets `fill` write into it, then swaps it in.
    ///
    /// `fill` must replace files (write to a new file and rename, as `.atomic` does),
    /// never modify one in place: the unchanged files are hard links to the live site.
    func replace(skipping: Set<String>, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            if manager.fileExists(atPath: output.path) { try linkTree(from: output, to: staging, skipping: skipping) }
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

    private func linkTree(from source: URL, to target: URL, skipping: Set<String>) throws {
        let manager = FileManager.default
        let base = source.standardizedFileURL.path
        guard let walker = manager.enumerator(at: source, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return }
        for case let url as URL in walker {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            let destination = target.appendingPathComponent(relative)
            let values = try url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            // Folders are made as files need them, so a folder emptied by this build goes.
            guard values.isDirectory != true || values.isSymbolicLink == true, !skipping.contains(relative) else { continue }
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            if values.isSymbolicLink == true {
                try manager.createSymbolicLink(atPath: destination.path, withDestinationPath: manager.destinationOfSymbolicLink(atPath: url.path))
            } else {
                if link(url.path, destination.path) != 0 {
                    // Another file system or no hard links: copy instead.
                    try manager.copyItem(at: url, to: destination)
                }
            }
        }
    }
}

/// An exclusive lock on a site's output while a build writes it, so two builds at once
/// cannot interleave their files; the second is told so instead of waiting silently.
final class BuildLock {
    private let descriptor: Int32

    init(url: URL) throws {
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic.error(.outputWriteFailed("cannot create the lock file \(url.path)"), at: nil)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw Diagnostic.error(.buildInProgress, at: nil, notes: ["the lock is \(url.path); it is released when that build ends"])
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
