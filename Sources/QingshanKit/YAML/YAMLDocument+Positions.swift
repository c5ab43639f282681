import Yams

/// Positions that libYAML's errors do not give: the second of two equal keys, the first alias.
extension YAMLDocument {
    /// The 1-based line (of this YAML text) where `key` appears again as a key of the block
    /// mapping whose key is at `mark`: the next line at the same indentation that starts
    /// with the key and a colon, before the mapping ends (a line indented less).
    func repeatedKeyLine(_ key: String, after mark: Mark) -> Int? {
        let indent = mark.column - 1
        let candidates = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.utf8) }
        var line = mark.line + 1
        while line <= lineStarts.count {
            let start = lineStarts[line - 1]
            let end = line < lineStarts.count ? lineStarts[line] : utf8.count
            let text = utf8[start..<end]
            let spaces = text.prefix { $0 == UInt8(ascii: " ") }.count
            let rest = text.dropFirst(spaces)
            let blank = rest.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D } || rest.first == UInt8(ascii: "#")
            if !blank {
                if spaces < indent { return nil }
                if spaces == indent {
                    for candidate in candidates where rest.starts(with: candidate) {
                        let after = rest.dropFirst(candidate.count).drop { $0 == UInt8(ascii: " ") }
                        if after.first == UInt8(ascii: ":") { return line }
                    }
                }
            }
            line += 1
        }
        return nil
    }

    /// Where the first alias (`*name`) is written: the start of the expansion that a
    /// "billion laughs" file is refused for. Quoted text and comments are skipped.
    func firstAliasLocation() -> SourceLocation? {
        var quote: UInt8?
        var previous: UInt8 = 0x0A
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if let open = quote {
                if byte == open || byte == 0x0A { quote = nil }
            } else if byte == UInt8(ascii: "#"), previous == 0x20 || previous == 0x0A {
                while index < utf8.count, utf8[index] != 0x0A { index += 1 }
                previous = 0x0A
                index += 1
                continue
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "*"), " \n[{,:-".utf8.contains(previous), index + 1 < utf8.count,
                !" \n,]}".utf8.contains(utf8[index + 1])
            {
                let line = lineStarts.lastIndex { $0 <= index } ?? 0
                return SourceLocation(path: path, line: line + 1 + lineOffset, column: index - lineStarts[line] + 1)
            }
            previous = byte
            index += 1
        }
        return nil
    }
}
