/// Bounds the nesting of YAML and JSON text before Yams composes it.
///
/// Yams builds nodes with recursive functions, and Swift frees a nested enum
/// recursively, so 25,000 nested `[` or `-` would overflow a thread's stack (512 KiB on
/// Dispatch's workers). This byte scan over-estimates the depth cheaply and never
/// under-estimates flow nesting: brackets count one level each (outside quoted strings
/// and comments); block nesting counts one level per two columns of indentation plus
/// each `- `, `? ` or `key: ` opener on the line.
enum NestingDepthScanner {
    /// Where the estimated depth first exceeds `limit`: the 1-based line, byte column
    /// and the depth there; `nil` when the text stays within it.
    static func firstExcess(in b: [UInt8], isJSON: Bool, limit: Int) -> (line: Int, column: Int, depth: Int)? {
        var flow = 0
        var block = 0
        var line = 1
        var lineStart = 0
        var i = 0
        var atLineStart = true
        // Whether a `[` or `{` here would open a flow collection in block context.
        var tokenStart = true
        while i < b.count {
            let byte = b[i]
            if atLineStart && flow == 0 && !isJSON {
                var indent = 0
                while i < b.count, b[i] == 0x20 {
                    indent += 1
                    i += 1
                }
                block = indent / 2
                atLineStart = false
                tokenStart = true
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                lineStart = i + 1
                atLineStart = true
                tokenStart = true
            case 0x22 where isJSON || tokenStart || flow > 0, 0x27 where !isJSON && (tokenStart || flow > 0):  // a quoted string: skip it
                i = endOfQuoted(b, from: i, quote: byte)
                tokenStart = false
                continue
            case 0x23 where !isJSON && (i == lineStart || b[i - 1] == 0x20 || b[i - 1] == 0x09):  // comment
                while i < b.count, b[i] != 0x0A { i += 1 }
                continue
            case 0x5B where isJSON || flow > 0 || tokenStart, 0x7B where isJSON || flow > 0 || tokenStart:
                flow += 1
                if block + flow > limit { return (line, i - lineStart + 1, block + flow) }
                tokenStart = true
            case 0x5D where flow > 0, 0x7D where flow > 0:
                flow -= 1
            case 0x2D where opensBlock(b, i, isJSON, flow), 0x3F where opensBlock(b, i, isJSON, flow), 0x3A where opensBlock(b, i, isJSON, flow):
                block += 1
                if block > limit { return (line, i - lineStart + 1, block) }
                tokenStart = true
            case 0x2C:
                tokenStart = true
            case 0x20, 0x09, 0x0D:
                break
            default:
                tokenStart = false
            }
            i += 1
        }
        return nil
    }

    /// `- `, `? ` or `: ` in block context: the start of a nested block node.
    private static func opensBlock(_ b: [UInt8], _ i: Int, _ isJSON: Bool, _ flow: Int) -> Bool {
        !isJSON && flow == 0 && (i + 1 >= b.count || b[i + 1] == 0x20 || b[i + 1] == 0x0A || b[i + 1] == 0x0D)
    }

    /// The index after the closing quote (or the end of the text). Double quotes escape
    /// with `\`; YAML single quotes escape themselves by doubling, which this treats as
    /// closing and reopening: the same end.
    private static func endOfQuoted(_ b: [UInt8], from start: Int, quote: UInt8) -> Int {
        var i = start + 1
        while i < b.count {
            if quote == 0x22, b[i] == 0x5C {
                i += 2
                continue
            }
            if b[i] == quote { return i + 1 }
            i += 1
        }
        return i
    }
}
