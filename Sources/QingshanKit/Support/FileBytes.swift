import Foundation

/// A whole file read into, or written from, one byte array: the build cache's tens of
/// megabytes went through `Data` and were copied again into `[UInt8]` on every build.
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

    /// Writes `bytes` to `url`, replacing the file atomically (as `Data.write(to:options: .atomic)`).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return try Data().write(to: url, options: .atomic) }
            // Borrowed for the call only: no copy of the array.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            try data.write(to: url, options: .atomic)
        }
    }
}
