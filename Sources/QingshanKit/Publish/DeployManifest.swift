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
        self = try JSONDecoder().decode(Self.self, from: data)
        files.sort { $0.path < $1.path }
    }

    /// Compared with the manifest of the previous build (`nil` when there was none, so
    /// every file is added).
    public func diff(from previous: DeployManifest?) -> Changes {
        let before = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
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
        var json = "{\n  \"version\": \(version),\n  \"files\": ["
        for (index, entry) in files.enumerated() {
            json += index == 0 ? "\n" : ",\n"
            json += "    {\"path\": \(Self.jsonString(entry.path)), \"size\": \(entry.size), \"sha256\": \(Self.jsonString(entry.sha256))}"
        }
        json += files.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Data(json.utf8)
    }

    /// A JSON string literal (RFC 8259 § 7): quotes, backslashes and controls escaped.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// A buffer shared with `concurrentPerform`, whose iterations write disjoint slots.
private struct SendablePointer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
