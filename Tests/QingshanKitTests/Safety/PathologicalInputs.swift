import Testing

/// Generates the inputs of commonmark/cmark's `test/pathological_tests.py` (written fresh
/// here, never copied), plus the shapes of the three advisories against libcmark 0.30.2,
/// so no multi-megabyte file is committed.
struct PathologicalCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable, Equatable {
        /// libcmark renders it; `marker` must appear in the HTML.
        case rendered(marker: String)
        /// Qingshan refuses it before libcmark sees it, with this message id.
        case refused(id: String)
    }

    let name: String
    let expected: Outcome
    let make: @Sendable () -> String

    var testDescription: String { name }

    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    static let all: [PathologicalCase] = [
        .init(name: "nested strong emph", expected: .rendered(marker: "<em>a <strong>a ")) {
            repeated("*a **a ", 65_000) + "b" + repeated(" a** a*", 65_000)
        },
        .init(name: "many emph closers with no openers", expected: .rendered(marker: "a_ a_")) { repeated("a_ ", 65_000) },
        .init(name: "many emph openers with no closers", expected: .rendered(marker: "_a _a")) { repeated("_a ", 65_000) },
        .init(name: "many link closers with no openers", expected: .rendered(marker: "a]a]")) { repeated("a]", 65_000) },
        .init(name: "many link openers with no closers", expected: .rendered(marker: "[a[a")) { repeated("[a", 65_000) },
        .init(name: "mismatched openers and closers", expected: .rendered(marker: "*a_ *a_")) { repeated("*a_ ", 50_000) },
        .init(name: "openers and closers multiple of 3", expected: .rendered(marker: "a**b")) { "a**b" + repeated("c* ", 50_000) },
        .init(name: "link openers and emph closers", expected: .rendered(marker: "[ a_[ a_")) { repeated("[ a_", 50_000) },
        .init(name: "hard link/emph case", expected: .rendered(marker: "<a href=\"d\">a<em>b**c</em></a>")) { "**x [a*b**c*](d)" },
        .init(name: "nested brackets", expected: .rendered(marker: "[[[a]]]")) { repeated("[", 50_000) + "a" + repeated("]", 50_000) },
        .init(name: "nested block quotes", expected: .rendered(marker: "<blockquote>\n<blockquote>")) { repeated("> ", 50_000) + "a" },
        .init(name: "deeply nested lists", expected: .rendered(marker: "<ul>\n<li>a\n<ul>")) {
            (0..<1_000).map { repeated("  ", $0) + "* a\n" }.joined()
        },
        .init(name: "U+0000 in input", expected: .rendered(marker: "abc\u{FFFD}de")) { "abc\u{0}de\u{0}" },
        // The original (e + 1…9,999 backticks) is 50 MB: refused by size. The same shape
        // at 1…1,400 backticks (≈ 1 MB) is rendered.
        .init(name: "backticks", expected: .refused(id: "file-too-large")) {
            (1..<10_000).map { "e" + repeated("`", $0) }.joined()
        },
        .init(name: "backticks, under the size limit", expected: .rendered(marker: "<p>e`e``")) {
            (1..<1_400).map { "e" + repeated("`", $0) }.joined()
        },
        .init(name: "unclosed links A", expected: .rendered(marker: "[a](&lt;b[a](&lt;b")) { repeated("[a](<b", 50_000) },
        .init(name: "unclosed links B", expected: .rendered(marker: "[a](b[a](b")) { repeated("[a](b", 50_000) },
        .init(name: "many references", expected: .refused(id: "file-too-large")) {
            (1..<800_000).map { "[\($0)]: u\n" }.joined() + repeated("[0] ", 50_000)
        },
        .init(name: "many references, under the size limit", expected: .rendered(marker: "[0] [0]")) {
            (1..<50_000).map { "[\($0)]: u\n" }.joined() + repeated("[0] ", 50_000)
        },
        .init(name: "unclosed <!--", expected: .rendered(marker: "&lt;!--&lt;!--")) { "x " + repeated("<!--", 200_000) },
        .init(name: "unclosed <?", expected: .rendered(marker: "&lt;?&lt;?")) { "x " + repeated("<?", 300_000) },
        .init(name: "unclosed <![CDATA[", expected: .rendered(marker: "&lt;![CDATA[")) { "x " + repeated("<![CDATA[", 100_000) },
        .init(name: "unclosed <!A declaration", expected: .rendered(marker: "&lt;!A")) { "x " + repeated("<!A ", 200_000) },
        .init(name: "many link openers with images", expected: .rendered(marker: "<img")) { repeated("[![a](b)", 50_000) },
        // CVE-2023-22486: the 960 KB file of the issue.
        .init(name: "repeated ![[]() (960 KB)", expected: .refused(id: "markdown-many-image-openers")) { repeated("![[]()", 160_000) },
        // CVE-2023-24824.
        .init(name: "emphasis in deep block quote", expected: .refused(id: "markdown-deep-quote-emphasis")) {
            repeated(">", 10_000) + repeated("*a", 10_000)
        },
        // GHSA-66g8-4hjf-77xh.
        .init(name: "empty lines in deeply nested lists", expected: .refused(id: "markdown-deep-list-blank-lines")) {
            repeated("- ", 30_000) + "x" + repeated("\n", 30_000)
        },
        .init(name: "empty lines in deeply nested lists in block quote", expected: .refused(id: "markdown-deep-list-blank-lines")) {
            "> " + repeated("- ", 30_000) + "x\n" + repeated(">\n", 30_000)
        },
        .init(name: "25,000 nested block quotes", expected: .rendered(marker: "<blockquote>\n<blockquote>")) { repeated("> ", 25_000) + "a\n" },
        .init(name: "25,000 nested list levels", expected: .rendered(marker: "<ul>\n<li>\n<ul>")) { repeated("- ", 25_000) + "a\n" },
        .init(name: "33 MiB page", expected: .refused(id: "file-too-large")) { repeated("x", 33 << 20) },
    ]
}
