/// Finds invisible characters that change what text means or break HTML.
///
/// - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
///   reorder what a reader sees without changing the bytes ("Trojan Source",
///   CVE-2021-42574): errors, wherever they stand.
/// - C0 control characters other than tab, line feed and carriage return (Word's
///   Shift+Enter writes U+000B, some exports U+000C): warnings, since HTML forbids them
///   but the text is otherwise intact. NUL is refused earlier, when the file is read.
public enum TextSafety {
    /// Every hazard in `utf8`, positioned at the file's line (`lineOffset` lines above
    /// the text) and UTF-8 byte column.
    public static func scan(_ utf8: some Sequence<UInt8>, path: String, lineOffset: Int = 0) -> [Diagnostic] {
        // Nearly every text is clean: tell so on its contiguous bytes first, and count lines
        // and columns only for one that is not (the counting pass was 3 % of a render).
        if utf8.withContiguousStorageIfAvailable({ isClean($0) }) == true { return [] }
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        // The two bytes before the current one, to recognise E2 80 xx and E2 81 xx.
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in utf8 {
            if beforePrevious == 0xE2, let name = bidiName(previous, byte) {
                let at = SourceLocation(path: path, line: line + lineOffset, column: column - 2)
                diagnostics.append(.error(.bidiControl(name), at: at, notes: ["a spreadsheet or word processor may have added it; retype the text around this position"]))
            } else if isReportedControl(byte) {
                let code = "U+" + String(repeating: "0", count: byte < 0x10 ? 3 : 2) + String(byte, radix: 16, uppercase: true)
                diagnostics.append(.warning(.controlCharacter(code), at: SourceLocation(path: path, line: line + lineOffset, column: column)))
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            beforePrevious = previous
            previous = byte
        }
        return diagnostics
    }

    /// A C0 control character other than tab, line feed, carriage return and NUL.
    private static func isReportedControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x00
    }

    /// Whether `bytes` hold nothing `scan` reports.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isReportedControl(byte) { return false }
            if byte == 0xE2, index + 2 < bytes.count, bidiName(bytes[index + 1], bytes[index + 2]) != nil { return false }
            index += 1
        }
        return true
    }

    /// The name of the bidirectional control encoded as E2 `second` `third`, if it is one.
    private static func bidiName(_ second: UInt8, _ third: UInt8) -> String? {
        switch (second, third) {
        case (0x80, 0xAA): "U+202A LEFT-TO-RIGHT EMBEDDING"
        case (0x80, 0xAB): "U+202B RIGHT-TO-LEFT EMBEDDING"
        case (0x80, 0xAC): "U+202C POP DIRECTIONAL FORMATTING"
        case (0x80, 0xAD): "U+202D LEFT-TO-RIGHT OVERRIDE"
        case (0x80, 0xAE): "U+202E RIGHT-TO-LEFT OVERRIDE"
        case (0x81, 0xA6): "U+2066 LEFT-TO-RIGHT ISOLATE"
        case (0x81, 0xA7): "U+2067 RIGHT-TO-LEFT ISOLATE"
        case (0x81, 0xA8): "U+2068 FIRST STRONG ISOLATE"
        case (0x81, 0xA9): "U+2069 POP DIRECTIONAL ISOLATE"
        default: nil
        }
    }
}
