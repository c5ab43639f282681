/// What a cell's number format says about its number: a date, a percentage, or a plain number.
///
/// Only the format decides: a date is a serial number shown through a date format.
/// `xl/styles.xml` lists formats (`<numFmts><numFmt numFmtId="176" formatCode="…"/>`) and
/// cell styles (`<cellXfs><xf numFmtId="14"/>…`); a cell's `s` attribute indexes `cellXfs`.
struct WorkbookStyles {
    enum NumberKind: Equatable {
        case plain
        case date
        case percent
    }

    /// The kind of each cell style, by its index in `cellXfs`.
    private(set) var kinds: [NumberKind] = []

    func kind(ofStyle index: Int?) -> NumberKind {
        guard let index, kinds.indices.contains(index) else { return .plain }
        return kinds[index]
    }

    static func read(_ bytes: [UInt8]) throws(XMLScanner.Failure) -> WorkbookStyles {
        var scanner = XMLScanner(bytes)
        var custom: [Int: String] = [:]
        var styles = WorkbookStyles()
        var inCellXfs = false
        while let event = try scanner.next() {
            switch event {
            case .start(let tag) where tag.name == "numFmt":
                if let id = tag["numFmtId"].flatMap({ Int($0) }), let code = tag["formatCode"] { custom[id] = code }
            case .start(let tag) where tag.name == "cellXfs":
                inCellXfs = !tag.selfClosing
            case .end(let name) where name == "cellXfs":
                inCellXfs = false
            case .start(let tag) where tag.name == "xf" && inCellXfs:
                let id = tag["numFmtId"].flatMap { Int($0) } ?? 0
                styles.kinds.append(custom[id].map(kind(ofFormat:)) ?? builtInKind(id))
            default:
                break
            }
        }
        return styles
    }

    /// Built-in formats (ECMA-376 §18.8.30): 9–10 percent; 14–22 and 45–47 dates and times;
    /// 27–36 and 50–58 the dates of East Asian locales (`yyyy"年"m"月"d"日"` in zh-CN Excel).
    static func builtInKind(_ id: Int) -> NumberKind {
        switch id {
        case 9, 10: .percent
        case 14...22, 27...36, 45...47, 50...58: .date
        default: .plain
        }
    }

    /// A custom format is a date when its first section has a year, month-as-date or day
    /// code outside quotes, escapes and brackets: `yyyy"年"m"月"d"日"`, `yyyy\年m\月d\日`,
    /// `[$-804]yyyy/mm/dd`, `[DBNum1]yyyy"年"m"月"`. Pure times (`h:mm`) are not dates.
    static func kind(ofFormat code: String) -> NumberKind {
        var bare: [Character] = []
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" { inBrackets = false }
                continue
            }
            if character == ";" { break }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes = true
            case "[": inBrackets = true
            default: bare.append(character)
            }
        }
        let lowered = String(bare).lowercased()
        if lowered.contains("y") || lowered.contains("d") { return .date }
        if lowered.contains("%") { return .percent }
        return .plain
    }
}
