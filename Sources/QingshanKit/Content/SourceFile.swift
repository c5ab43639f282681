import Foundation

/// Reading text files of the site: strict UTF-8 with positioned errors.
enum SourceFile {
    /// The files below `folder` (recursively) with one of `extensions`, as paths
    /// relative to `folder`, sorted by their bytes so the order never depends on the
    /// file system. Hidden files and folders (`.git`, `.DS_Store`) are skipped.
    static func list(in folder: URL, extensions: Set<String>? = nil) -> [String] {
        // readdir with d_type, not URL resource values: listing 10,000 pages cost a third
        // of loading through Foundation's per-URL property lookups.
        var paths: [String] = []
        var pending = [""]
        let base = folder.standardizedFileURL.path
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? base : base + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = entryName(entry)
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                    var info = stat()
                    guard stat(base + "/" + path, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0)
                    // A symbolic link to a folder is not followed (it could loop); one to a file is listed.
                    if type == Int32(DT_DIR), Int32(entry.pointee.d_type) == Int32(DT_LNK) { continue }
                }
                if type == Int32(DT_DIR) {
                    pending.append(path)
                } else if type == Int32(DT_REG) {
                    if let extensions, !extensions.contains((name as NSString).pathExtension.lowercased()) { continue }
                    paths.append(path)
                }
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The name in a `readdir` entry, read in place: `entry.pointee.d_name` would copy
    /// all 256 bytes of the field, but the kernel's record ends after the name's NUL, so
    /// a copy can read past the end of libc's buffer (it crashed on a 10,000-page site).
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
    }

    /// Files below `folder` that are symbolic links resolving outside `root`: a site must
    /// not publish `/etc/passwd` because someone linked it into `content/`.
    static func linksLeavingRoot(in folder: URL, root: URL) -> [String] {
        let rootPath = root.resolvingSymlinksInPath().path
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isSymbolicLinkKey]) else { return [] }
        var escaping: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true {
            let target = url.resolvingSymlinksInPath().path
            if target != rootPath && !target.hasPrefix(rootPath + "/") {
                escaping.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
            }
        }
        return escaping.sorted()
    }

    /// Reads `url` as UTF-8 text (a leading BOM is dropped). Invalid UTF-8 and NUL
    /// bytes are errors at their line and byte column; a file over `limit` bytes is
    /// refused from its size alone, before it is read.
    static func readText(_ url: URL, path: String, limit: Int? = nil) -> Result<String, Diagnostic> {
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
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
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
