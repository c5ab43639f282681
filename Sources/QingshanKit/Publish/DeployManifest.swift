public import Foundation

/// Every output file with its size and SHA-256, written beside the output
/// (`.qingshan/manifest.json` in the site root) after each build.
///
/// Deploy tools compare it with the previous one to move only what changed; people read
/// the summary ("3 added, 1 changed, 0 removed"). The JSON is one file per line, sorted
/// by path, so the same site always gives the same bytes and `git diff` reads well.
public struct DeployManifest: Sendable, Hashable, Codable {
    /// One output file.
    public struct Entry: Sendable, Hashable, Codable {
        /// Relative to the output folder, `/`-separated.
        public var path: String
        /// In bytes.
        public var size: Int
        /// Lowercase hex.
        public var sha256: String

        public init(path: String, size: Int, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// What differs between two manifests, each list sorted by path.
    public struct Changes: Sendable, Hashable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []

        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

        /// "3 added, 1 changed, 0 removed".
        public var summary: String { "\(added.count) added, \(changed.count) changed, \(removed.count) removed" }
    }

    /// The format of the file; bumped if a field changes meaning.
    public var version = 1
    /// Sorted by path.
    public private(set) var files: [Entry]

    /// Hashes every file, on all cores (each file's hash is independent).
    public init(files: [String: Data]) {
        let paths = files.keys.sorted()
        let digests = UnsafeMutableBufferPointer<String>.allocate(capacity: paths.count)
        digests.initialize(repeating: "")
        defer { digests.deallocate() }
        let slots = SendablePointer(digests)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            // Each iteration writes only its own slot.
            slots.buffer[index] = SHA256.hex(files[paths[index]]!)
        }
        self.files = paths.indices.map { Entry(path: paths[$0], size: files[paths[$0]]!.count, sha256: digests[$0]) }
    }

    public init(entries: [Entry]) {
        files = entries.sorted { $0.path < $1.path }
    }

    /// Reads a manifest written by `encoded()`.
    public init(decoding data: Data) throws {
        if let read = Self.readEncoded(data) {
            self = read
        } else {
            self = try JSONDecoder().decode(Self.self, from: data)
        }
        files.sort { $0.path < $1.path }
    }

    /// Reads the exact layout `encoded()` writes, line by line; `nil` for anything else,
    /// which `JSONDecoder` then reads. Every build reads the last manifest, and
    /// `JSONDecoder` took longer over it than the rest of writing a one-page edit.
    static func readEncoded(_ data: Data) -> DeployManifest? {
        let lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 5, lines[0].elementsEqual("{".utf8), lines[lines.count - 1].isEmpty,
            lines[lines.count - 2].elementsEqual("}".utf8)
        else { return nil }
        var manifest = DeployManifest(entries: [])
        var versionLine = Scanner(lines[1])
        guard versionLine.skip("  \"version\": "), let version = versionLine.number(), versionLine.skip(","), versionLine.isAtEnd else { return nil }
        manifest.version = version
        if lines.count == 5 {
            return lines[2].elementsEqual("  \"files\": []".utf8) ? manifest : nil
        }
        guard lines[2].elementsEqual("  \"files\": [".utf8), lines[lines.count - 3].elementsEqual("  ]".utf8) else { return nil }
        let entryLines = lines[3..<(lines.count - 3)]
        var files: [Entry] = []
        files.reserveCapacity(entryLines.count)
        for (offset, line) in entryLines.enumerated() {
            var scanner = Scanner(line)
            guard scanner.skip("    {\"path\": "), let path = scanner.string(), scanner.skip(", \"size\": "), let size = scanner.number(),
                scanner.skip(", \"sha256\": "), let sha = scanner.string(), scanner.skip("}"),
                offset == entryLines.count - 1 ? scanner.isAtEnd : (scanner.skip(",") && scanner.isAtEnd)
            else { return nil }
            files.append(Entry(path: path, size: size, sha256: sha))
        }
        manifest.files = files
        return manifest
    }

    /// Reads one line of the manifest.
    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var isAtEnd: Bool { index == bytes.endIndex }

        mutating func skip(_ text: String) -> Bool {
            let expected = text.utf8
            guard bytes[index...].starts(with: expected) else { return false }
            index += expected.count
            return true
        }

        mutating func number() -> Int? {
            var value = 0
            let start = index
            while index < bytes.endIndex, bytes[index] &- 0x30 < 10, index - start < 18 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return index > start ? value : nil
        }

        /// A JSON string as `JSONText.quoted(_:)` writes it.
        mutating func string() -> String? {
            guard skip("\"") else { return nil }
            // Most strings have no escape: one validated copy.
            if let end = bytes[index...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }),
                bytes[end] == UInt8(ascii: "\"")
            {
                guard let text = String(validating: bytes[index..<end], as: UTF8.self) else { return nil }
                index = end + 1
                return text
            }
            var scalars = String.UnicodeScalarView()
            var run = index
            func flush(to end: Int) -> Bool {
                guard let text = String(validating: bytes[run..<end], as: UTF8.self) else { return false }
                scalars.append(contentsOf: text.unicodeScalars)
                return true
            }
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    guard flush(to: index) else { return nil }
                    index += 1
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else {
                    guard byte >= 0x20 else { return nil }
                    index += 1
                    continue
                }
                guard flush(to: index), index + 1 < bytes.endIndex else { return nil }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    // Only controls are written this way.
                    guard index + 4 <= bytes.endIndex, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
                        value < 0x20
                    else { return nil }
                    scalars.append(Unicode.Scalar(UInt8(value)))
                    index += 4
                default: return nil
                }
                run = index
            }
            return nil
        }
    }

    /// Compared with the manifest of the previous build (`nil` when there was none, so
    /// every file is added).
    public func diff(from previous: DeployManifest?) -> Changes {
        diff(from: Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The same, given the previous manifest's entries by path (the caller has them).
    func diff(from before: [String: Entry]) -> Changes {
        let now = Set(files.map(\.path))
        var changes = Changes()
        for entry in files {
            if let old = before[entry.path] {
                if old.sha256 != entry.sha256 || old.size != entry.size { changes.changed.append(entry.path) }
            } else {
                changes.added.append(entry.path)
            }
        }
        changes.removed = before.keys.filter { !now.contains($0) }.sorted()
        return changes
    }

    /// Stable JSON: fixed key order, one file per line, `\n` line ends, UTF-8 unescaped.
    public func encoded() -> Data {
        // Bytes, not string concatenation: every build writes the manifest of every file.
        var json: [UInt8] = []
        json.reserveCapacity(64 + files.count * 128)
        json += "{\n  \"version\": \(version),\n  \"files\": [".utf8
        for (index, entry) in files.enumerated() {
            json += (index == 0 ? "\n    " : ",\n    ").utf8
            Self.appendObject(entry, to: &json)
        }
        json += (files.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8
        return Data(json)
    }

    /// One entry's JSON object, `{"path": …, "size": …, "sha256": …}`.
    static func appendObject(_ entry: Entry, to json: inout [UInt8]) {
        json += "{\"path\": ".utf8
        appendJSONString(entry.path, to: &json)
        json += ", \"size\": ".utf8
        appendDecimal(entry.size, to: &json)
        json += ", \"sha256\": ".utf8
        appendJSONString(entry.sha256, to: &json)
        json.append(UInt8(ascii: "}"))
    }

    /// The decimal digits of `value`, as `"\(value)"` writes them, without making a string
    /// per file.
    private static func appendDecimal(_ value: Int, to json: inout [UInt8]) {
        guard value > 0 else {
            json += "\(value)".utf8
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var start = buffer.count
            while rest > 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            json.append(contentsOf: buffer[start...])
        }
    }

    /// ``JSONText/quoted(_:)``'s bytes, copied straight when nothing can need escaping
    /// (no control, quote or backslash, and no 0xE2 lead byte, which U+2028/U+2029 start with).
    private static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0xE2 }) {
            json.append(UInt8(ascii: "\""))
            json += text.utf8
            json.append(UInt8(ascii: "\""))
        } else {
            json += JSONText.quoted(text).utf8
        }
    }
}

/// A buffer shared with `concurrentPerform`, whose iterations write disjoint slots.
private struct SendablePointer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
