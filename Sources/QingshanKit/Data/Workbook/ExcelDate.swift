/// Excel's date serial numbers: a date is a number of days, a time its fraction.
///
/// In the 1900 system (the default) day 1 is 1900-01-01, but Excel keeps Lotus 1-2-3's
/// fictitious 1900-02-29 (serial 60), so from serial 61 on a serial counts days from
/// 1899-12-30, and below it from 1899-12-31. In the 1904 system (`<workbookPr date1904="1"/>`,
/// old Mac workbooks) serial 0 is 1904-01-01.
enum ExcelDate {
    /// The calendar date of `serial`; the time of day is dropped. `nil` for serial 60
    /// (the day that never was), negative serials and dates past 9999-12-31.
    static func date(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let sinceEpoch: Int
        if date1904 {
            // 1904-01-01 is 24,107 days before 1970-01-01.
            sinceEpoch = days - 24_107
        } else {
            if days == 60 || days == 0 { return nil }
            // 1899-12-30 is 25,569 days before 1970-01-01; before the fictitious day, one fewer.
            sinceEpoch = days < 60 ? days - 25_568 : days - 25_569
        }
        let (y, m, d) = FieldValueParser.civil(fromDays: sinceEpoch)
        return (y, m, d)
    }
}
