public import Foundation

/// Watches folders of a site (`content/` and `site-templates/` by default) and reports
/// batches of changed paths, relative to the site root.
///
/// On Linux it uses inotify, with a watch on every folder (new folders get one as they
/// appear); where inotify is unavailable (other systems, or the per-user watch limit is
/// reached) it polls modification times and sizes. Paths are reported raw: editor
/// temporaries are filtered later, by `ChangeDebouncer`.
public final class FileWatcher: Sendable {
    /// How changes are noticed.
    public enum Mechanism: String, Sendable {
        case inotify
        case polling
    }

    /// The mechanism actually in use (a request for inotify can fall back to polling).
    public let mechanism: Mechanism
    /// Batches of changed site-root-relative paths; finishes after `stop()`.
    public let changes: AsyncStream<[String]>

    private let stopped = Locked(false)
    private let continuation: AsyncStream<[String]>.Continuation

    /// Starts watching at once, on a thread of its own.
    /// - Parameters:
    ///   - root: the site root.
    ///   - folders: folders under the root to watch, recursively; missing ones are skipped.
    ///   - mechanism: `.polling` forces the fallback (tests, network file systems).
    ///   - pollInterval: how often the fallback looks.
    public init(
        root: URL, folders: [String] = ["content", "site-templates"],
        mechanism requested: Mechanism = .inotify, pollInterval: Duration = .milliseconds(500)
    ) {
        let (stream, continuation) = AsyncStream<[String]>.makeStream(bufferingPolicy: .unbounded)
        self.changes = stream
        self.continuation = continuation
        let root = root.standardizedFileURL
        let stopped = self.stopped
        let emit: @Sendable ([String]) -> Void = { paths in
            if !paths.isEmpty { continuation.yield(paths) }
        }
        #if os(Linux)
            if requested == .inotify, let inotify = InotifyWatcher(root: root, folders: folders) {
                mechanism = .inotify
                Self.startThread(name: "qingshan.watch.inotify") {
                    inotify.run(isStopped: { stopped.withLock { $0 } }, emit: emit)
                    continuation.finish()
                }
                return
            }
        #endif
        mechanism = .polling
        let poller = PollingWatcher(root: root, folders: folders, interval: pollInterval)
        Self.startThread(name: "qingshan.watch.poll") {
            poller.run(isStopped: { stopped.withLock { $0 } }, emit: emit)
            continuation.finish()
        }
    }

    /// Stops watching; `changes` finishes shortly after (within one poll interval).
    public func stop() {
        stopped.withLock { $0 = true }
    }

    deinit { stop() }

    private static func startThread(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }
}

/// The fallback: a snapshot of (modification time, size) for every file, compared every
/// interval. Cheap enough for a site of a few thousand files.
final class PollingWatcher: @unchecked Sendable {
    // @unchecked: `first` is read once, on the watcher thread, after `init`.
    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    let root: URL
    let folders: [String]
    let interval: Duration
    /// Taken in `init`, so a change made right after `FileWatcher.init` returns is seen.
    private var first: [String: Stamp] = [:]

    init(root: URL, folders: [String], interval: Duration) {
        self.root = root
        self.folders = folders
        self.interval = interval
        first = snapshot()
    }

    func run(isStopped: () -> Bool, emit: ([String]) -> Void) {
        var previous = first
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18
        let step = 0.05
        while !isStopped() {
            // Sleep in short steps so `stop()` takes effect quickly.
            var waited = 0.0
            while waited < seconds && !isStopped() {
                Thread.sleep(forTimeInterval: step)
                waited += step
            }
            if isStopped() { break }
            let current = snapshot()
            emit(Self.differences(previous, current))
            previous = current
        }
    }

    /// Paths added, removed or changed between two snapshots, sorted.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(at: url, includingPropertiesForKeys: keys) else { continue }
            for case let file as URL in enumerator {
                guard let values = try? file.resourceValues(forKeys: Set(keys)) else { continue }
                let path = file.standardizedFileURL.path
                guard path.hasPrefix(rootPath) else { continue }
                // Folders count by name only: their time changes with every file inside.
                let isFolder = values.isDirectory == true
                stamps[String(path.dropFirst(rootPath.count))] =
                    isFolder
                    ? Stamp(modified: nil, size: nil)
                    : Stamp(modified: values.contentModificationDate, size: values.fileSize)
            }
        }
        return stamps
    }
}
