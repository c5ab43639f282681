import Foundation

/// Chinese reading order for free text: pinyin, as ICU's `zh` collation gives it through
/// Foundation (`compare(_:options:range:locale:)` with `zh_CN`; on Linux Foundation carries
/// its own ICU and data, so the order does not depend on the machine), never code points
/// (which put 万源市 before 通川区).
///
/// Digits compare as numbers (样例村9 before 样例村10). Han characters come before Latin
/// letters, as the `zh` tailoring orders scripts. Texts the collation calls equal
/// (样例村09 and 样例村9, ａ and a) fall back to code points, so every build orders alike.
public enum ChineseCollation {
    static let locale = Locale(identifier: "zh_CN")

    /// Whether `a` comes before `b` in pinyin order.
    public static func ascending(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, options: [.numeric], range: nil, locale: locale) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// The texts, each once, in pinyin order.
    public static func sorted(_ texts: some Sequence<String>) -> [String] {
        Set(texts).sorted(by: ascending)
    }
}
