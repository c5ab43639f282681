/// A position in a source file of the site.
///
/// `path` is relative to the site root (`content/pages/about.md`), written with `/`.
/// `line` and `column` are 1-based. The column counts **UTF-8 bytes** from the start
/// of the line, as cmark and swiftc do; a Chinese character is three bytes wide.
/// A location without a line points at the file as a whole.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, leaving out what is unknown.
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    /// The same file, `lines` further down; used to map a position inside front matter
    /// or a Markdown body back to the file's real line.
    public func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line.map { $0 + lines }, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0) < (rhs.path, rhs.line ?? 0, rhs.column ?? 0)
    }
}

extension SourceLocation {
    /// The 1-based line and UTF-8 byte column of `offset` within `bytes`.
    public static func position(ofByte offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in bytes {
            if index == offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }
}
