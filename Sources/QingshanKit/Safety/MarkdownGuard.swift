/// Refuses Markdown that would make libcmark hang, before libcmark sees it.
///
/// libcmark older than 0.31.0 (Debian bookworm ships 0.30.2) takes quadratic time on
/// three input shapes, fixed upstream in 0.30.3 and 0.31.0. One pass over the bytes
/// measures each shape per block (the text between blank lines, which holds every
/// paragraph cmark parses inline) and refuses it, with the position where it starts,
/// above a threshold chosen by measurement (`SafetyLimits`). The size limit applies
/// whatever the library version.
public enum MarkdownGuard {
    /// The problems that stop `body` from being rendered; empty when it is safe.
    ///
    /// `lineOffset` is the number of file lines above the body (its front matter).
    /// `cmarkVersion` is the linked library's `(major, minor, patch)`; the shape checks
    /// are skipped for 0.31.0 and later.
    public static func check(
        _ body: String, path: String, lineOffset: Int = 0,
        cmarkVersion: (major: Int, minor: Int, patch: Int), maxBytes: Int = SafetyLimits.maxMarkdownBytes
    ) -> [Diagnostic] {
        let utf8 = body.utf8
        if utf8.count > maxBytes {
            return [
                .error(
                    .fileTooLarge(bytes: utf8.count, limit: maxBytes),
                    at: SourceLocation(path: path, line: lineOffset + 1, column: 1),
                    notes: ["split the page into several pages"])
            ]
        }
        let fixed = SafetyLimits.fixedCmark
        guard (cmarkVersion.major, cmarkVersion.minor, cmarkVersion.patch) < (fixed.major, fixed.minor, fixed.patch) else { return [] }
        let version = "\(cmarkVersion.major).\(cmarkVersion.minor).\(cmarkVersion.patch)"
        let found = utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(Array(utf8))
        return found.map { shape in
            let location = SourceLocation(path: path, line: shape.line + lineOffset, column: shape.column)
            let note = "libcmark \(version) (older than 0.31.0) takes quadratic time on this shape (\(shape.advisory)); upgrade libcmark or rewrite the block"
            return .error(shape.message, at: location, notes: [note])
        }
    }

    struct Shape {
        var message: Diagnostic.Message
        var advisory: String
        var line: Int
        var column: Int
    }

    /// One pass over the bytes; at most one finding per shape, at its first occurrence.
    /// Image openers count while unclosed: `[![a](b)` repeated is harmless, `![[]()` is not.
    static func scan(_ bytes: some RandomAccessCollection<UInt8>) -> [Shape] {
        let b = Array(bytes)
        var shapes: [Shape] = []
        var reported: Set<String> = []
        func report(_ key: String, _ shape: Shape) {
            if reported.insert(key).inserted { shapes.append(shape) }
        }

        // Per block: the open brackets (true for an image's `![`), how many of them are
        // images and where the first unclosed one starts; the deepest quote; emphasis marks.
        var brackets: [Bool] = []
        var images = 0
        var imageLine = 0
        var imageColumn = 0
        // Σ over earlier blocks of (most unclosed `![` at once)²: cmark's time for each block.
        var mostImages = 0
        var earlierImageCost = 0
        var quoteDepth = 0
        var quoteLine = 0
        var emphasis = 0
        // Across the whole body, so many blocks each just under a limit cannot add up to
        // minutes: quote depth × emphasis of the blocks before this one, and blank lines
        // weighted by the depth of the last non-blank line.
        var earlierQuoteCost = 0
        var lastDepth = 0
        var lastDepthLine = 0
        var blankCost = 0

        var line = 1
        var start = 0
        while start < b.count {
            var end = start
            while end < b.count, b[end] != 0x0A { end += 1 }
            let prefix = containerPrefix(b, from: start, to: end)
            if prefix.isBlank {
                brackets.removeAll(keepingCapacity: true)
                earlierQuoteCost += quoteDepth * emphasis
                earlierImageCost += mostImages * mostImages
                images = 0
                mostImages = 0
                quoteDepth = 0
                emphasis = 0
                blankCost += max(lastDepth, prefix.depth)
                if blankCost > SafetyLimits.maxBlankLinesTimesListDepth {
                    report(
                        "list",
                        Shape(
                            message: .markdownDeepListBlankLines(depth: lastDepth),
                            advisory: "GHSA-66g8-4hjf-77xh, empty lines in deeply nested lists", line: lastDepthLine, column: 1))
                }
            } else {
                lastDepth = prefix.depth
                lastDepthLine = line
                if prefix.quotes > quoteDepth {
                    quoteDepth = prefix.quotes
                    quoteLine = line
                }
                var i = start
                while i < end {
                    switch b[i] {
                    case 0x5C:  // a backslash escapes the next byte
                        i += 1
                    case 0x21 where i + 1 < end && b[i + 1] == 0x5B && (i == 0 || b[i - 1] != 0x3C):  // "![", not "<!["
                        if images == 0 {
                            imageLine = line
                            imageColumn = i - start + 1
                        }
                        images += 1
                        mostImages = max(mostImages, images)
                        brackets.append(true)
                        i += 1
                        if images > SafetyLimits.maxImageOpenersPerBlock
                            || earlierImageCost + images * images > SafetyLimits.maxImageOpenerCostPerPage
                        {
                            report(
                                "image",
                                Shape(
                                    message: .markdownManyImageOpeners(count: images),
                                    advisory: "CVE-2023-22486, repeated '![[]()'", line: imageLine, column: imageColumn))
                        }
                    case 0x5B:  // "["
                        brackets.append(false)
                    case 0x5D:  // "]" closes the innermost opener
                        if brackets.popLast() == true { images -= 1 }
                    case 0x2A, 0x5F:  // "*", "_"
                        emphasis += 1
                    default:
                        break
                    }
                    i += 1
                }
                if earlierQuoteCost + quoteDepth * emphasis > SafetyLimits.maxQuoteDepthTimesEmphasis {
                    report(
                        "quote",
                        Shape(
                            message: .markdownDeepQuoteEmphasis(depth: quoteDepth, delimiters: emphasis),
                            advisory: "CVE-2023-24824, emphasis in deep block quotes", line: quoteLine, column: 1))
                }
            }
            line += 1
            start = end + 1
        }
        return shapes
    }

    struct Prefix {
        /// List markers, quote markers and half the leading indentation.
        var depth: Int
        var quotes: Int
        /// Nothing but container markers and spaces (`>` lines inside a quote are blank).
        var isBlank: Bool
    }

    /// Reads the container markers at the start of a line: `>`, `-`/`*`/`+` and `1.`/`1)`
    /// followed by a space, and the indentation that nests lists.
    static func containerPrefix(_ b: [UInt8], from start: Int, to end: Int) -> Prefix {
        var i = start
        var indent = 0
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D {
            indent += 1
            i += 1
        }
        var depth = indent / 2
        var quotes = 0
        func spaceOrEnd(_ k: Int) -> Bool { k >= end || b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D }
        while i < end {
            let byte = b[i]
            if byte == 0x3E {  // ">"
                quotes += 1
                depth += 1
                i += 1
            } else if (byte == 0x2D || byte == 0x2A || byte == 0x2B) && spaceOrEnd(i + 1) {
                depth += 1
                i += 1
            } else if (0x30...0x39).contains(byte) {
                var k = i
                while k < end, k - i < 9, (0x30...0x39).contains(b[k]) { k += 1 }
                guard k < end, b[k] == 0x2E || b[k] == 0x29, spaceOrEnd(k + 1) else { break }
                depth += 1
                i = k + 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                i += 1
            } else {
                break
            }
        }
        return Prefix(depth: depth, quotes: quotes, isBlank: i >= end)
    }
}
