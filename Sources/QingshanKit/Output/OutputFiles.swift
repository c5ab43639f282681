import Foundation

/// Writes a new site's files into an empty folder, fast: each folder is made once, a
/// level at a time (parents first) and each level on all cores, then the files are
/// written on all cores, with plain system calls (Foundation's per-call URL and attribute
/// work showed in the profile). No per-file temporary and fsync: the caller renames the
/// whole folder into place as the atomic step.
enum OutputFiles {
    static func write(_ paths: [String], of files: [String: Data], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = folder.path
        try makeFolders(for: paths, under: base)
        let failures = ResultSlots<String?>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            failures[index] = writeFile(files[paths[index]]!, to: base + "/" + paths[index]).map { "\(paths[index]): \($0)" }
        }
        if let failure = failures.values.compactMap({ $0 }).first {
            throw Diagnostic.error(.outputWriteFailed(failure), at: nil)
        }
    }

    /// Makes every folder `paths` need under `base`, parents first, each level in parallel.
    private static func makeFolders(for paths: [String], under base: String) throws {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        let levels = Dictionary(grouping: folders, by: { $0.utf8.count { $0 == UInt8(ascii: "/") } })
        for depth in levels.keys.sorted() {
            let level = levels[depth]!.sorted()
            let failures = ResultSlots<String?>(count: level.count)
            DispatchQueue.concurrentPerform(iterations: level.count) { index in
                failures[index] =
                    mkdir(base + "/" + level[index], 0o755) == 0 || errno == EEXIST
                    ? nil : "\(level[index]): \(String(cString: strerror(errno)))"
            }
            if let failure = failures.values.compactMap({ $0 }).first {
                throw Diagnostic.error(.outputWriteFailed(failure), at: nil)
            }
        }
    }

    /// Writes `data` to a new file at `path` with `open`/`write`/`close`; the error
    /// text, or nil.
    static func writeFile(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }
}

/// `write(2)`, named apart from `OutputFiles.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
