import Foundation

extension DeployManifest {
    /// A manifest file as `encoded()` writes it, read line by line without decoding each
    /// entry's digest: an update copies the line of every file that stays as it was and
    /// encodes the few others. Decoding, sorting and encoding all eleven thousand
    /// entries of a large site was most of writing a one-page edit.
    struct Lines {
        let bytes: [UInt8]
        /// Per entry, in file order (ascending paths): its path, size, the bytes of its
        /// JSON object and of its digest.
        let paths: [String]
        let sizes: [Int]
        let objects: [Range<Int>]
        let digests: [Range<Int>]

        static let head = Array("{\n  \"version\": 1,\n  \"files\": [".utf8)

        /// The lines of `bytes`; `nil` unless they are exactly what `encoded()` writes for
        /// a version-1 manifest (paths ascending, each line as it would be encoded again),
        /// so that copying a line gives the bytes encoding its entry would.
        init?(_ bytes: [UInt8]) {
            self.bytes = bytes
            let read = bytes.withUnsafeBufferPointer { buffer in
                var reader = Reader(bytes: buffer)
                return reader.entries()
            }
            guard let read else { return nil }
            (paths, sizes, objects, digests) = read
        }

        /// Reads the lines in place: with `ArraySlice` and `String.utf8` comparisons it
        /// cost 5,000 instructions a line.
        private struct Reader {
            let bytes: UnsafeBufferPointer<UInt8>
            var index = 0

            init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

            mutating func entries() -> (paths: [String], sizes: [Int], objects: [Range<Int>], digests: [Range<Int>])? {
                var read: (paths: [String], sizes: [Int], objects: [Range<Int>], digests: [Range<Int>]) = ([], [], [], [])
                guard skip(Lines.head) else { return nil }
                if skip(Self.emptyEnd), index == bytes.count { return read }
                var first = true
                while skip(first ? Self.firstLine : Self.nextLine) {
                    first = false
                    let object = index
                    guard skip(Self.pathStart), let path = plainString(), skip(Self.sizeStart), let size = decimal(), skip(Self.digestStart) else { return nil }
                    let digest = index
                    let pathBytes = UnsafeBufferPointer(rebasing: bytes[path])
                    // Decoded as is, then compared: `String(validating:)` took four times as long.
                    let text = String(decoding: pathBytes, as: UTF8.self)
                    guard plainString() != nil, skip(Self.objectEnd), text.utf8.elementsEqual(pathBytes), read.paths.last.map({ $0 < text }) ?? true
                    else { return nil }
                    read.paths.append(text)
                    read.sizes.append(size)
                    read.objects.append(object..<index)
                    read.digests.append(digest..<(index - 2))
                }
                guard !first, skip(Self.end), index == bytes.count else { return nil }
                return read
            }

            static let emptyEnd = Array("]\n}\n".utf8)
            static let firstLine = Array("\n    ".utf8)
            static let nextLine = Array(",\n    ".utf8)
            static let pathStart = Array("{\"path\": \"".utf8)
            static let sizeStart = Array(", \"size\": ".utf8)
            static let digestStart = Array(", \"sha256\": \"".utf8)
            static let objectEnd = Array("}".utf8)
            static let end = Array("\n  ]\n}\n".utf8)

            mutating func skip(_ expected: [UInt8]) -> Bool {
                guard bytes.count - index >= expected.count,
                    expected.withUnsafeBufferPointer({ memcmp(bytes.baseAddress! + index, $0.baseAddress!, $0.count) == 0 })
                else { return false }
                index += expected.count
                return true
            }

            /// A string up to its closing quote (skipped) that `encoded()` writes as its
            /// bytes: no quote, backslash, control or 0xE2 byte (see `appendJSONString`).
            mutating func plainString() -> Range<Int>? {
                let start = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        index += 1
                        return start..<(index - 1)
                    }
                    guard byte >= 0x20, byte != UInt8(ascii: "\\"), byte != 0xE2 else { return nil }
                    index += 1
                }
                return nil
            }

            /// Decimal digits as `appendDecimal` writes them (no leading zero).
            mutating func decimal() -> Int? {
                let start = index
                var value = 0
                while index < bytes.count, bytes[index] &- 0x30 < 10, index - start < 18 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    index += 1
                }
                guard index > start, bytes[start] != UInt8(ascii: "0") || index == start + 1 else { return nil }
                return value
            }
        }

        /// The index of the entry for `path`, by binary search.
        func index(of path: String) -> Int? {
            var (low, high) = (0, paths.count)
            while low < high {
                let middle = (low + high) / 2
                if paths[middle] < path { low = middle + 1 } else { high = middle }
            }
            return low < paths.count && paths[low] == path ? low : nil
        }

        /// Whether entry `index` has `entry`'s size and digest.
        func matches(_ index: Int, _ entry: Entry) -> Bool {
            sizes[index] == entry.size && bytes[digests[index]].elementsEqual(entry.sha256.utf8)
        }
    }

    /// One entry of a manifest being written: a line of the last one, or a new entry.
    enum Line {
        case kept(Int)
        case new(Entry)
    }

    /// The bytes of a manifest of `lines` (by path, ascending), copying the kept ones
    /// from `previous`: the same bytes as `DeployManifest(entries:).encoded()`.
    static func encode(_ lines: [(path: String, line: Line)], previous: Lines) -> Data {
        var json: [UInt8] = []
        json.reserveCapacity(previous.bytes.count + 4096)
        json += Lines.head
        for (index, item) in lines.enumerated() {
            json += (index == 0 ? "\n    " : ",\n    ").utf8
            switch item.line {
            case .kept(let line): json += previous.bytes[previous.objects[line]]
            case .new(let entry): appendObject(entry, to: &json)
            }
        }
        json += (lines.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8
        return Data(json)
    }

    /// What changed from `previous` to `lines` (both by path, ascending), as `diff(from:)` says.
    static func changes(_ lines: [(path: String, line: Line)], previous: Lines) -> Changes {
        var changes = Changes()
        var next = 0
        for (path, line) in lines {
            while next < previous.paths.count, previous.paths[next] < path {
                changes.removed.append(previous.paths[next])
                next += 1
            }
            let known = next < previous.paths.count && previous.paths[next] == path
            switch line {
            case .kept: break
            case .new(let entry) where !known: changes.added.append(entry.path)
            case .new(let entry): if !previous.matches(next, entry) { changes.changed.append(path) }
            }
            if known { next += 1 }
        }
        changes.removed += previous.paths[next...]
        return changes
    }
}
