/// Finds the URLs of `url(…)` in CSS — a style sheet, a `<style>` element or a `style`
/// attribute — for fonts and background images loaded from elsewhere.
enum CSSURLs {
    /// Each URL and the offset of its first byte (in the slice's own indices).
    static func find(in css: ArraySlice<UInt8>) -> [(url: String, offset: Int)] {
        var found: [(String, Int)] = []
        var index = css.startIndex
        let end = css.endIndex
        while index + 4 <= end {
            // `url(` in any case, not part of a longer identifier such as `myurl(`.
            guard css[index] | 0x20 == UInt8(ascii: "u"), css[index + 1] | 0x20 == UInt8(ascii: "r"),
                css[index + 2] | 0x20 == UInt8(ascii: "l"), css[index + 3] == UInt8(ascii: "("),
                index == css.startIndex || !isIdentifier(css[index - 1])
            else {
                index += 1
                continue
            }
            var start = index + 4
            while start < end, isSpace(css[start]) { start += 1 }
            var stop = start
            if start < end, css[start] == UInt8(ascii: "\"") || css[start] == UInt8(ascii: "'") {
                let quote = css[start]
                start += 1
                stop = start
                while stop < end, css[stop] != quote { stop += 1 }
            } else {
                while stop < end, css[stop] != UInt8(ascii: ")"), !isSpace(css[stop]) { stop += 1 }
            }
            found.append((String(decoding: css[start..<stop], as: UTF8.self), start))
            index = stop
        }
        return found
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

    private static func isIdentifier(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }
}
