public import Foundation

/// The `[18:41:33]` that `build --watch` and `serve` put before their lines: a 24-hour
/// clock in the local time zone, whatever the locale would prefer (a 12-hour locale
/// would print 18:41 as 06:41).
public enum ClockStamp {
    /// `HH:mm:ss` of `date` in `timeZone`.
    public static func time(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
