/// Checks the formats of the filing numbers a government site carries in its footer
/// (`site.footer.*` in `site.yaml`), when they are given: inspection crawlers read them.
public enum GovernmentFooterValidator {
    /// A footer field, named by its key under `site.footer` in `site.yaml`.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// 网站标识码: 10 digits starting with a region code (`5117000001`), or `bm` and 8 digits.
        case siteIDCode
        /// ICP备案号: `蜀ICP备12345678号`, optionally `-1`.
        case icp
        /// 公安备案号: `川公网安备 51170202000123号`.
        case publicSecurity
    }

    /// A field's text and where it is written.
    public struct Value: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation?

        public init(_ text: String, at location: SourceLocation?) {
            self.text = text
            self.location = location
        }
    }

    /// Province-level region codes (GB/T 2260) that start a site ID code.
    private static let regionCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    ]

    /// The abbreviation the MIIT uses in ICP numbers for each of the 31 provinces (四川 is 蜀).
    private static let icpAbbreviations: Set<Character> = [
        "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖", "闽", "赣", "鲁", "豫",
        "鄂", "湘", "粤", "桂", "琼", "渝", "蜀", "黔", "滇", "藏", "陕", "甘", "青", "宁", "新",
    ]

    /// The abbreviation the public-security filing system uses (四川 is 川), with its region code.
    private static let publicSecurityRegions: [Character: String] = [
        "京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23",
        "沪": "31", "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41",
        "鄂": "42", "湘": "43", "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "贵": "52",
        "云": "53", "藏": "54", "陕": "61", "甘": "62", "青": "63", "宁": "64", "新": "65",
    ]

    /// Errors for the fields whose text is not in the expected format. Empty fields are
    /// skipped: in section mode the host site carries them.
    public static func validate(_ fields: [Field: Value]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in Field.allCases {
            guard let value = fields[field] else { continue }
            let text = value.text.trimmingASCIISpaces()
            guard !text.isEmpty else { continue }
            switch field {
            case .siteIDCode:
                if !isSiteIDCode(text) { diagnostics.append(.error(.footerSiteIDCode(text), at: value.location)) }
            case .icp:
                if !isICPNumber(text) { diagnostics.append(.error(.footerICPNumber(text), at: value.location)) }
            case .publicSecurity:
                diagnostics += publicSecurityProblems(text, at: value.location)
            }
        }
        return diagnostics
    }

    /// `5117000001` (a region code and 8 digits) or `bm17000001`.
    static func isSiteIDCode(_ text: String) -> Bool {
        let characters = Array(text.unicodeScalars)
        guard characters.count == 10 else { return false }
        if text.hasPrefix("bm") { return characters.dropFirst(2).allSatisfy(isDigit) }
        return characters.allSatisfy(isDigit) && regionCodes.contains(String(text.prefix(2)))
    }

    /// `蜀ICP备12345678号`, `渝ICP备2021001234号-3`: an abbreviation, `ICP备`, 6 to 10 digits
    /// (old numbers have 8, numbers since 2019 a year and 6), `号`, optionally `-n`.
    static func isICPNumber(_ text: String) -> Bool {
        guard let first = text.first, icpAbbreviations.contains(first) else { return false }
        var rest = text.dropFirst()
        guard rest.hasPrefix("ICP备") else { return false }
        rest = rest.dropFirst(4)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (6...10).contains(digits.count) else { return false }
        rest = rest.dropFirst(digits.count)
        guard rest.first == "号" else { return false }
        rest = rest.dropFirst()
        if rest.isEmpty { return true }
        guard rest.first == "-" else { return false }
        let suffix = rest.dropFirst()
        return (1...3).contains(suffix.count) && suffix.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `川公网安备 51170202000123号`: an abbreviation, `公网安备`, an optional space, 14 digits
    /// whose region code matches the abbreviation, `号`.
    static func publicSecurityProblems(_ text: String, at location: SourceLocation?) -> [Diagnostic] {
        let malformed = [Diagnostic.error(.footerPublicSecurityNumber(text), at: location)]
        guard let first = text.first, let region = publicSecurityRegions[first] else { return malformed }
        var rest = text.dropFirst()
        guard rest.hasPrefix("公网安备") else { return malformed }
        rest = rest.dropFirst(4).drop { $0 == " " || $0 == "\u{3000}" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 14, rest.dropFirst(14) == "号" else { return malformed }
        guard digits.hasPrefix(region) else {
            return [.error(.footerPublicSecurityRegion(String(first), String(digits.prefix(2))), at: location)]
        }
        return []
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
