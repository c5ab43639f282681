public import Foundation

/// A first build's new site, written while the build runs: each page goes into the
/// hidden sibling that `FolderSwap` renames into place once the whole build succeeded,
/// as soon as it is rendered, so its HTML need not stay in memory (at 10,000 pages that
/// was 105 MB held until the end). A failed build deletes the folder, and the next build
/// removes one a killed build left; the output folder itself is never touched before the
/// rename.
///
/// It holds the build lock from `OutputWriter.beginFirstBuild()` until the build is
/// written (`OutputWriter.write(_:staging:)`) or discarded.
public final class StagingFolder: @unchecked Sendable {
    /// The folder being filled (`.public.qingshan-new` beside `public`).
    let url: URL
    let lock: BuildLock
    private let base: String
    /// Folders made so far; only the writing thread reads and adds to it.
    private var folders = Set<String>()
    private let failures = Locked<[String]>([])
    /// One thread writes, fed by the rendering threads through a short queue (see `write`).
    private let writer = DispatchQueue(label: "qingshan.staging")
    private let room = DispatchSemaphore(value: 64)
    private let pending = DispatchGroup()
    private let handedOver = Locked(false)
    private let closed = Locked(false)

    init(url: URL, lock: BuildLock) throws {
        self.url = url
        self.lock = lock
        base = url.path
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            lock.release()
            throw Diagnostic.error(.outputWriteFailed(FolderSwap.describe(error)), at: nil)
        }
    }

    /// Writes one file (any thread), on the writing thread: at most 64 wait, so the HTML
    /// held stays small. Creating files from both rendering threads at once cost twice
    /// the kernel time of one thread creating them (contended folder locks); a failure is
    /// kept for `firstFailure` and fails the write.
    public func write(_ data: Data, at path: String) {
        room.wait()
        writer.async(group: pending) { [self] in
            writeNow(data, at: path)
            room.signal()
        }
    }

    private func writeNow(_ data: Data, at path: String) {
        let failure =
            OutputWriter.staysInside(path)
            ? makeParents(of: path) ?? OutputFiles.writeFile(data, to: base + "/" + path)
            : "refusing to write outside the output folder"
        if let failure { failures.withLock { $0.append("\(path): \(failure)") } }
    }

    /// The bytes of a file written here.
    public func read(_ path: String) -> Data? {
        pending.wait()
        return FileManager.default.contents(atPath: base + "/" + path)
    }

    /// The first write that failed, if any.
    var firstFailure: String? {
        pending.wait()
        return failures.withLock { $0.sorted().first }
    }

    /// Releases the lock, deleting the folder unless it was handed over to be renamed
    /// in: the build failed, or it is written. Calling it again does nothing.
    public func discard() {
        pending.wait()
        guard Self.setOnce(closed) else { return }
        if !handedOver.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
        lock.release()
    }

    /// Marks the folder as handed over to `FolderSwap`; `false` if it already was or is discarded.
    func handOver() -> Bool {
        pending.wait()
        return !closed.withLock { $0 } && Self.setOnce(handedOver)
    }

    private static func setOnce(_ flag: Locked<Bool>) -> Bool {
        flag.withLock { done in
            defer { done = true }
            return !done
        }
    }

    /// Makes the folders above `path`, once each; the error text, or nil.
    private func makeParents(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        var missing: [String] = []
        var current = path[..<slash]
        while !current.isEmpty, !folders.contains(String(current)) {
            missing.append(String(current))
            guard let up = current.lastIndex(of: "/") else { break }
            current = current[..<up]
        }
        for made in missing.reversed() {
            guard mkdir(base + "/" + made, 0o755) == 0 || errno == EEXIST else { return String(cString: strerror(errno)) }
            folders.insert(made)
        }
        return nil
    }
}
