import Foundation

/// A file's size and last modification time (nanoseconds since 1970): how a build tells
/// that a file changed without reading it.
struct FileStamp: Sendable, Hashable {
    var size: Int
    var modified: Int

    /// Size and time folded into one number, as the cache keeps the stamps of sources.
    var folded: Int { modified &* 31 &+ size }

    init(size: Int, modified: Int) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path` (links followed), or `nil` when there is none.
    /// By path, not `URL`: building a `URL` per output file cost more than the `stat`.
    init?(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        #if canImport(Darwin)
            modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
    }

    /// The running program's own file: a new Qingshan may render differently.
    static var program: FileStamp? {
        #if os(Linux)
            FileStamp(atPath: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
        #else
            Bundle.main.executablePath.flatMap { FileStamp(atPath: $0) }
        #endif
    }

    /// The wall clock now, in nanoseconds since 1970, comparable with `modified`.
    static var now: Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }
}
