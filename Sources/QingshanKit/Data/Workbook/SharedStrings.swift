/// `xl/sharedStrings.xml`: the texts that `t="s"` cells point at by index.
///
/// An item is plain (`<si><t>村名</t></si>`) or rich text, runs of differently formatted
/// text (`<si><r><rPr>…</rPr><t>样例</t></r><r><t>村</t></r></si>`) whose texts are joined.
/// Phonetic guides (`<rPh>`, furigana and pinyin hints) are not part of the text.
enum SharedStrings {
    static func read(_ bytes: [UInt8]) throws(XMLScanner.Failure) -> [String] {
        var scanner = XMLScanner(bytes)
        var strings: [String] = []
        var current = ""
        var inItem = false
        while let event = try scanner.next() {
            guard case .start(let tag) = event else {
                if case .end(let name) = event, name == "si", inItem {
                    strings.append(current)
                    inItem = false
                }
                continue
            }
            switch tag.name {
            case "si":
                current = ""
                inItem = true
            case "t" where inItem:
                current += try scanner.text(of: "t")
            case "rPh":
                _ = try scanner.text(of: "rPh")
            default:
                break
            }
        }
        return strings
    }
}
