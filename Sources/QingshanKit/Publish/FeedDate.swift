/// Timestamps for the Atom feed (RFC 3339), made from content dates.
///
/// Content dates carry no time or zone; the sites are Chinese government sites, so a
/// date means midnight China Standard Time. Every timestamp is written with the same
/// `+08:00` offset, so comparing the strings compares the instants.
enum FeedDate {
    static let offset = "+08:00"
    static let offsetSeconds = 8 * 3600

    /// `2021-03-05` → `2021-03-05T00:00:00+08:00`; `nil` for anything else, including a
    /// month-only `2021-03`: the feed does not invent a day the content does not give.
    static func timestamp(fromContentDate date: String) -> String? {
        isFullDate(date) ? "\(date)T00:00:00\(offset)" : nil
    }

    /// Whether `date` is a whole `YYYY-MM-DD` (what sitemaps.org's `<lastmod>` and RFC 3339 need).
    static func isFullDate(_ date: String) -> Bool {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }

    /// A Unix time (`SOURCE_DATE_EPOCH`) as a timestamp at `+08:00`.
    static func timestamp(fromUnixTime seconds: Int) -> String {
        let local = seconds + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))\(offset)"
    }

    /// Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's `civil_from_days`),
    /// so no calendar, time zone or locale of the machine takes part.
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
