import Foundation

/// The files below a folder, and every entry the walk did not read, with the reason, so
/// that nothing is skipped silently (issue 20): dangling links, link loops, links to
/// folders (not followed: they could loop or leave the site), paths too long for the
/// file system, folders that cannot be opened, names that are not UTF-8, and entries that
/// are not regular files. Hidden entries (`.git`, `.DS_Store`) are ignored by design.
struct SourceListing {
    struct Skipped: Sendable, Equatable {
        enum Reason: Sendable, Equatable {
            case danglingLink, linkLoop, linkToFolder, pathTooLong, invalidName, notAFile
            /// The system's words (`Permission denied`).
            case unreadable(String)
        }
        /// Relative to the folder listed; bytes that are not UTF-8 shown as `\xNN`.
        let path: String
        let reason: Reason
        /// A folder, or an entry whose name has one of the extensions listed: what would
        /// have been read had it been readable.
        let mayHoldContent: Bool
    }

    /// Relative paths, sorted by their bytes.
    private(set) var paths: [String] = []
    private(set) var skipped: [Skipped] = []
    /// With `stamping`, the stamp of each path in `paths` (links followed); a file that
    /// vanished between reading its folder and stamping it has none.
    private(set) var stamps: [String: FileStamp] = [:]

    /// Lists `folder` recursively; with `extensions`, only files with one of them (lowercased).
    /// A missing `folder` lists nothing. With `stamping`, each file is stamped by its name
    /// in its open folder as it is listed (`stamps`): the kernel then walks one name, not
    /// the whole path again.
    init(folder: URL, extensions: Set<String>? = nil, stamping: Bool = false) {
        // readdir with d_type, not URL resource values: listing 10,000 pages cost a third
        // of loading through Foundation's per-URL property lookups.
        var pending = [""]
        let base = folder.standardizedFileURL.path
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? base : base + "/" + relative) else {
                let code = errno
                if !(relative.isEmpty && code == ENOENT) { skip(relative, Self.reason(code), content: true) }
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let bytes = Self.nameBytes(entry)
                if bytes.first == UInt8(ascii: ".") { continue }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    skip((relative.isEmpty ? "" : relative + "/") + Self.display(bytes), .invalidName, content: true)
                    continue
                }
                let path = relative.isEmpty ? name : relative + "/" + name
                let matches = extensions.map { $0.contains(Self.lowercasedExtension(of: name)) } ?? true
                var type = Int32(SourceFile.entryType(entry))
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                    var info = stat()
                    guard stat(base + "/" + path, &info) == 0 else {
                        skip(path, Self.reason(errno), content: matches)
                        continue
                    }
                    let format = info.st_mode & S_IFMT
                    let isLink = type == Int32(DT_LNK)
                    type = format == S_IFDIR ? Int32(DT_DIR) : (format == S_IFREG ? Int32(DT_REG) : 0)
                    if type == Int32(DT_DIR), isLink {
                        skip(path, .linkToFolder, content: true)
                        continue
                    }
                }
                if type == Int32(DT_DIR) {
                    pending.append(path)
                } else if type == Int32(DT_REG) {
                    guard matches else { continue }
                    paths.append(path)
                    if stamping, let stamp = FileStamp(in: dirfd(directory), relative: name) { stamps[path] = stamp }
                } else if matches {
                    skip(path, .notAFile, content: false)
                }
            }
        }
        paths = ByteOrder.sorted(paths)
        skipped.sort { SourceFile.utf8Precedes($0.path, $1.path) }
    }

    /// `(name as NSString).pathExtension.lowercased()`, read from the bytes for a plain
    /// name (ASCII letters, digits, `-`, `_`, dots): Foundation's took as long as the rest
    /// of listing a large site.
    static func lowercasedExtension(of name: String) -> String {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex, bytes.index(after: dot) != bytes.endIndex,
            bytes.allSatisfy(isPlainNameByte)
        else { return (name as NSString).pathExtension.lowercased() }
        return String(decoding: bytes[bytes.index(after: dot)...].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func isPlainNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    private mutating func skip(_ path: String, _ reason: Skipped.Reason, content: Bool) {
        skipped.append(Skipped(path: path, reason: reason, mayHoldContent: content))
    }

    private static func reason(_ code: Int32) -> Skipped.Reason {
        switch code {
        case ENOENT: .danglingLink
        case ELOOP: .linkLoop
        case ENAMETOOLONG: .pathTooLong
        default: .unreadable(String(cString: strerror(code)))
        }
    }

    /// The name in a `readdir` entry as bytes, read in place (see `SourceFile.entryName`).
    private static func nameBytes(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
    }

    /// A name for people: valid UTF-8 as is, every other byte as `\xNN`.
    static func display(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<(offset + length)] { text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}

extension SourceListing {
    /// One diagnostic per skipped entry of `folder` (relative to the site root): an error
    /// when it may hold content the site would lose, a warning otherwise.
    func diagnostics(folder: String) -> [Diagnostic] {
        skipped.map { entry in
            let location = SourceLocation(path: entry.path.isEmpty ? folder : folder + "/" + entry.path)
            let message = Diagnostic.Message.skippedSource(entry.reason)
            return entry.mayHoldContent ? .error(message, at: location) : .warning(message, at: location)
        }
    }
}
