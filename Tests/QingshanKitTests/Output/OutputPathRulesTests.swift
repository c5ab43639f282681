import Testing

@testable import QingshanKit

/// `OutputPathRules.problem(with:)` decides plain ASCII paths on their bytes; the answer
/// must be the one the general rules give.
@Suite struct OutputPathRulesTests {
    static let paths = [
        "index.html", "news/index.html", "con.md", "con/index.html", "CON.txt", "aux.html", "nul", "Com1.txt", "lpt9/x.html",
        "com10.txt", "conx/index.html", ".con", "..con.txt", "a.b.c", "a./b", "a /b", "a//b", "/a", "a/", "", "news", "notes",
        "files/a.txt", "p-00003/index.html", "a<b", "a>b", "a:b", "a\"b", "a|b", "a?b", "a*b", "a\\b", "a\u{1}b", "tab\there",
        "café/index.html", "ｃｏｎ.txt", "con\u{301}.txt", "assets/style.css", "villages/511700000000/index.html", "prn.", "x.",
    ]

    @Test func theByteFastPathAgreesWithTheRules() {
        for path in Self.paths {
            #expect(OutputPathRules.problem(with: path) == Self.reference(path), "\(path)")
            if OutputPathRules.isPlainASCII(path) { #expect(Self.reference(path) == nil, "\(path)") }
        }
    }

    @Test func reservedNamesAreStillRefused() {
        #expect(OutputPathRules.problem(with: "con/index.html") == "uses the reserved name 'con'")
        #expect(OutputPathRules.problem(with: "news/Aux.html") == "uses the reserved name 'Aux.html'")
        #expect(OutputPathRules.problem(with: "a:b/index.html") == "contains ':'")
        #expect(OutputPathRules.problem(with: "news./index.html") == "has a component ending in a dot or space")
    }

    /// The rules as written before the fast path.
    static func reference(_ path: String) -> String? {
        let reservedCharacters = Set("<>:\"|?*\\".unicodeScalars)
        var names: Set<String> = ["con", "prn", "aux", "nul"]
        for n in 1...9 {
            names.insert("com\(n)")
            names.insert("lpt\(n)")
        }
        for component in path.split(separator: "/") {
            if let bad = component.unicodeScalars.first(where: { reservedCharacters.contains($0) || $0.value < 0x20 }) {
                return "contains '\(bad.escaped(asASCII: true))'"
            }
            if component.hasSuffix(".") || component.hasSuffix(" ") {
                return "has a component ending in a dot or space"
            }
            let stem = component.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if names.contains(stem) { return "uses the reserved name '\(component)'" }
        }
        return nil
    }
}
