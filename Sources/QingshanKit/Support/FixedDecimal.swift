/// A number with a fixed count of decimals ("0.41", "12.0"), for durations and sizes in
/// messages. `String(format:)` goes through Foundation's varargs and locale machinery:
/// about a million instructions the first time, a fortieth of a no-op build.
public enum FixedDecimal {
    /// `value` rounded to `digits` decimals (0…6), half away from zero, "-" for negatives.
    public static func text(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1
        for _ in 0..<min(max(digits, 0), 6) { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard scale > 1 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// A `Duration` in seconds with two decimals: "0.41".
    public static func seconds(_ duration: Duration) -> String {
        text(Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18, digits: 2)
    }
}
