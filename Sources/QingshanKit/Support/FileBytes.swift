import Foundation

/// A whole file read into, or written from, one byte array: the build cache's tens of
/// megabytes went through `Data` and were copied again into `[UInt8]` on every build.
///
/// Writes are plain `open`/`write`/`close` (and `rename` to replace a file), without
/// `fsync`: Foundation's `Data.write` synced every file, five times a one-page edit, and
/// at N = 10,000 the syncs of the build cache (15 MB) and the search index (10 MB) were
/// most of writing. Qingshan's promise is about a failed write, a full disk (`write`
/// reports it) and a killed build (SIGKILL leaves the written pages in the kernel):
/// the first build's folder swap never synced either. After a power cut a file may be
/// short or zeroed; the build cache's checksums then make the next build a full one.
enum FileBytes {
    /// The bytes of the file at `path`, or `nil` when it cannot be read whole.
    static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            initialized = done
            complete = done == size
        }
        return complete ? bytes : nil
    }

    /// Writes `bytes` to `url`, replacing the file atomically: written beside it under a
    /// name of this process's, then renamed over it (see the type's note on syncing).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try replace(url.path, with: $0) }
    }

    static func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try replace(url.path, with: $0) }
    }

    /// Writes `bytes` into a new or truncated file at `path` (not atomically: the caller
    /// renames it into place).
    static func create(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(errno) }
        var failure: Int32?
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw Self.error(failure)
        }
    }

    private static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + "." + String(path[slash...]) + ".\(getpid()).qingshan-tmp"
        try create(temporary, with: bytes)
        if rename(temporary, path) != 0 {
            let failure = errno
            unlink(temporary)
            throw Self.error(failure)
        }
    }

    /// The error Foundation would throw (`FolderSwap.describe` gives the system's words).
    private static func error(_ code: Int32) -> POSIXError { POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
