/// Finds the `?` that Excel and WPS write in place of a character they cannot encode when
/// they save a plain "CSV" in GBK on a Chinese Windows (a rare name character such as
/// `䶮`, an emoji, a symbol outside GBK): the character is lost for good, the file reads
/// without an error, and the page would show `张?明`.
///
/// A real question mark in Chinese text is the full-width `？`, so an ASCII `?` is taken
/// for a substitution when it touches a non-ASCII character (`张?明`, `?村`) or fills a
/// whole cell (`,?,`, `,??,`). A `?` between ASCII characters (`a.cn/?q=1`) is left alone.
/// Only for files read as GB18030: UTF-8 and UTF-16 can hold every character.
enum SubstitutedCharacters {
    /// At most this many positions are reported per file; the last warning counts the rest.
    static let maxReported = 20

    /// One warning per substituted run, at its 1-based line and UTF-8 byte column.
    static func scan(_ utf8: [UInt8], path: String, lineOffset: Int = 0) -> [Diagnostic] {
        var found: [(line: Int, column: Int, count: Int)] = []
        var line = 1
        var lineStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            guard byte == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            var end = index
            while end < utf8.count, utf8[end] == UInt8(ascii: "?") { end += 1 }
            let before: UInt8? = index > 0 ? utf8[index - 1] : nil
            let after: UInt8? = end < utf8.count ? utf8[end] : nil
            if isSubstitution(before: before, after: after) { found.append((line, index - lineStart + 1, end - index)) }
            index = end
        }
        return diagnostics(found, path: path, lineOffset: lineOffset)
    }

    private static func isSubstitution(before: UInt8?, after: UInt8?) -> Bool {
        if let before, before >= 0x80 { return true }
        if let after, after >= 0x80 { return true }
        return isCellEdge(before) && isCellEdge(after)
    }

    /// The start or end of a cell: a line end, a delimiter or a quote (or the file's ends).
    private static func isCellEdge(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
    }

    private static func diagnostics(_ found: [(line: Int, column: Int, count: Int)], path: String, lineOffset: Int) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (position, run) in found.prefix(maxReported).enumerated() {
            let rest = position == maxReported - 1 ? found.count - maxReported : 0
            let notes = rest > 0 ? ["\(rest) more in this file are not listed"] : []
            let location = SourceLocation(path: path, line: run.line + lineOffset, column: run.column)
            result.append(.warning(.dataSubstitutedCharacter(count: run.count), at: location, notes: notes))
        }
        return result
    }
}
