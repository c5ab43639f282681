import Foundation

/// Reading text files of the site: strict UTF-8 with positioned errors.
enum SourceFile {
    /// The files below `folder` (recursively) with one of `extensions`, as paths
    /// relative to `folder`, sorted by their bytes so the order never depends on the
    /// file system. Hidden files and folders (`.git`, `.DS_Store`) are skipped; so is
    /// anything unreadable, which `SourceListing` names for callers that report it.
    static func list(in folder: URL, extensions: Set<String>? = nil) -> [String] {
        SourceListing(folder: folder, extensions: extensions).paths
    }

    /// Byte order of two strings' UTF-8, with `memcmp` where the bytes are contiguous
    /// (sorting a large site's paths generically was a visible part of a rebuild).
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The name in a `readdir` entry, read in place: `entry.pointee.d_name` would copy
    /// all 256 bytes of the field, but the kernel's record ends after the name's NUL, so
    /// a copy can read past the end of libc's buffer (it crashed on a 10,000-page site).
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    /// The type in a `readdir` entry, read in place for the same reason.
    static func entryType(_ entry: UnsafeMutablePointer<dirent>) -> UInt8 {
        (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_type)!).load(as: UInt8.self)
    }

    /// Files below `folder` that are symbolic links resolving outside `root`: a site must
    /// not publish `/etc/passwd` because someone linked it into `content/`.
    ///
    /// Hidden files count too, and links are not followed. The walk reads directory
    /// entries' types (readdir), not per-URL resource values: it runs on every build,
    /// and Foundation's enumerator took most of a one-page rebuild's validation time.
    static func linksLeavingRoot(in folder: URL, root: URL) -> [String] {
        let rootPath = root.resolvingSymlinksInPath().path
        let base = folder.standardizedFileURL.path
        var escaping: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? base : base + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = entryName(entry)
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entryType(entry))
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(base + "/" + path, &info) == 0 else { continue }
                    let format = info.st_mode & S_IFMT
                    type = format == S_IFLNK ? Int32(DT_LNK) : (format == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG))
                }
                if type == Int32(DT_DIR) {
                    pending.append(path)
                } else if type == Int32(DT_LNK) {
                    let target = URL(fileURLWithPath: base + "/" + path).resolvingSymlinksInPath().path
                    if target != rootPath && !target.hasPrefix(rootPath + "/") { escaping.append(path) }
                }
            }
        }
        return escaping.sorted()
    }

    /// Reads `url` as UTF-8 text (a leading BOM is dropped). Invalid UTF-8 and NUL
    /// bytes are errors at their line and byte column; a file over `limit` bytes is
    /// refused from its size alone, before it is read.
    static func readText(_ url: URL, path: String, limit: Int? = nil) -> Result<String, Diagnostic> {
        readText(atPath: url.path, path: path, limit: limit)
    }

    /// ``readText(_:path:limit:)`` for a file system path. A readable file is read with
    /// one `lstat`, `open` and `read` and its bytes validated once; anything unusual
    /// (an error, a file changing size) takes the Foundation path, whose error messages
    /// the diagnostics quote. Pages are read on every build, so this is per-build cost.
    static func readText(atPath filePath: String, path: String, limit: Int? = nil) -> Result<String, Diagnostic> {
        var info = stat()
        // `lstat`, as `FileManager.attributesOfItem` does: the limit applies to what the
        // slow path below would measure.
        if lstat(filePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG, limit.map({ Int(info.st_size) <= $0 }) ?? true,
            let bytes = readAll(filePath, expected: Int(info.st_size))
        {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            // One validating pass; the slow search for the bad byte runs only on failure.
            if let text = String(validating: body, as: UTF8.self) {
                if body.contains(0) { return readTextSlowly(filePath, path: path, limit: limit) }
                return .success(text)
            }
        }
        return readTextSlowly(filePath, path: path, limit: limit)
    }

    /// The whole file at `filePath` when it has exactly `expected` bytes, else `nil`.
    private static func readAll(_ filePath: String, expected: Int) -> [UInt8]? {
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var complete = false
        // One byte more than expected, to notice a file that grew.
        let bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            var total = 0
            while total < expected + 1 {
                let got = read(descriptor, buffer.baseAddress! + total, expected + 1 - total)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                total += got
            }
            count = total
            complete = total == expected
        }
        return complete ? bytes : nil
    }

    private static func readTextSlowly(_ filePath: String, path: String, limit: Int?) -> Result<String, Diagnostic> {
        let url = URL(fileURLWithPath: filePath)
        if let limit, let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > limit {
            return .failure(.error(.fileTooLarge(bytes: size, limit: limit), at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.error(.unreadableFile(error.localizedDescription), at: SourceLocation(path: path)))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8Offset(bytes) {
            let position = SourceLocation.position(ofByte: bad, in: bytes)
            return .failure(.error(.invalidUTF8, at: SourceLocation(path: path, line: position.line, column: position.column)))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let position = SourceLocation.position(ofByte: nul, in: bytes)
            return .failure(.error(.nulByte, at: SourceLocation(path: path, line: position.line, column: position.column)))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(byte & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for k in 1..<length {
                let next = bytes[index + k]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = (scalar << 6) | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
