public import Foundation

/// Numbers, money, percentages and dates written the way Chinese government reports
/// write them (GB/T 15835-2011 practice).
///
/// Rounding is always half away from zero (四舍五入), done in `Decimal` so that
/// `0.125` rounds to `0.13` exactly; money never passes through `Double`.
///
/// Digit grouping: GB/T 15835 lets a four-digit integer stand ungrouped, so `4012`
/// stays `4012` (as the bureau's letter writes `4012万元`) while integers of five or
/// more digits are grouped by threes with a comma, `12,345`.
public enum ChineseFormat {
    /// `value` rounded to `decimals` places, half away from zero.
    public static func rounded(_ value: Decimal, decimals: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, decimals, .plain)
        return result
    }

    /// A plain number: rounded to `decimals` places and padded to exactly that many, or,
    /// when `decimals` is `nil`, rounded to at most two places with trailing zeros dropped.
    /// Integer parts of five digits or more are grouped by threes (`12,345.6`).
    public static func number(_ value: Decimal, decimals: Int? = nil) -> String {
        let places = decimals ?? 2
        let roundedValue = rounded(value, decimals: places)
        let negative = roundedValue < 0
        let magnitude = negative ? -roundedValue : roundedValue
        // Decimal.description is plain positional notation ("1234.5"), never exponent form.
        let plain = magnitude.description
        let parts = plain.split(separator: ".", maxSplits: 1)
        let integerPart = String(parts.first ?? "0")
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if let decimals {
            fraction = String(fraction.prefix(decimals))
            fraction += String(repeating: "0", count: max(0, decimals - fraction.count))
        } else {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var text = grouped(integerPart)
        if !fraction.isEmpty { text += "." + fraction }
        return (negative && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : "") + text
    }

    /// An integer, grouped by threes from five digits up: `4012`, `12,345`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// An amount given in 万元, written in 万元: `4012万元`.
    public static func moneyWan(_ wan: Decimal, decimals: Int? = nil) -> String {
        number(wan, decimals: decimals) + "万元"
    }

    /// An amount given in 万元, written in 亿元 (1亿 = 1万万): `56.5亿元`.
    public static func moneyYi(_ wan: Decimal, decimals: Int? = nil) -> String {
        number(toYi(wan), decimals: decimals) + "亿元"
    }

    /// An amount given in 万元, written in 亿元 from 1亿元 up and in 万元 below:
    /// `56.5亿元`, `4012万元` — the letter's own style.
    public static func money(_ wan: Decimal) -> String {
        let magnitude = wan < 0 ? -wan : wan
        return magnitude >= 10_000 ? moneyYi(wan, decimals: nil) : moneyWan(wan, decimals: nil)
    }

    /// 万元 to 亿元, exactly.
    public static func toYi(_ wan: Decimal) -> Decimal { wan / 10_000 }

    /// A ratio (`0.63`) as a percentage, `63%`, rounded half away from zero to `decimals`.
    ///
    /// A ratio strictly between 0 and 1 never rounds to `0%` or `100%`: a progress figure
    /// of 100% must mean *all* done, so 199 of 200 villages reads `99%`, and 1 of 500 reads `1%`.
    public static func percent(_ ratio: Decimal, decimals: Int = 0) -> String {
        number(percentValue(ratio, decimals: decimals), decimals: decimals) + "%"
    }

    /// The number `percent(_:decimals:)` shows, without the sign (63 for 0.63).
    public static func percentValue(_ ratio: Decimal, decimals: Int = 0) -> Decimal {
        var value = rounded(ratio * 100, decimals: decimals)
        var step = Decimal(1)
        for _ in 0..<max(0, decimals) { step /= 10 }
        if ratio > 0 && ratio < 1 {
            if value <= 0 { value = step }
            if value >= 100 { value = 100 - step }
        }
        return value
    }

    /// `2021年3月5日`.
    public static func date(year: Int, month: Int, day: Int) -> String { "\(year)年\(month)月\(day)日" }

    /// `2021年3月`.
    public static func month(year: Int, month: Int) -> String { "\(year)年\(month)月" }

    /// A range joined with the wave dash GB/T 15834 prescribes: `2020年～2035年`.
    public static func range(_ from: String, _ to: String) -> String { from + "～" + to }

    /// Inserts a comma every three digits when there are five digits or more.
    private static func grouped(_ digits: String) -> String {
        guard digits.count >= 5 else { return digits }
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
