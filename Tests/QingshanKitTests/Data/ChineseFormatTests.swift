import Foundation
import Testing

@testable import QingshanKit

@Suite struct ChineseFormatTests {
    @Test(arguments: [
        ("565000", "56.5亿元"), ("506000", "50.6亿元"), ("4012", "4012万元"), ("51000", "5.1亿元"),
        ("10000", "1亿元"), ("9999.5", "9999.5万元"), ("123456789", "12,345.68亿元"), ("0", "0万元"),
    ])
    func moneyPicksTheLetterUnit(wan: String, expected: String) throws {
        let value = try #require(Decimal(string: wan))
        #expect(ChineseFormat.money(value) == expected)
    }

    @Test func fixedDecimalsPadAndRoundHalfAwayFromZero() throws {
        #expect(ChineseFormat.moneyYi(565_000, decimals: 2) == "56.50亿元")
        #expect(ChineseFormat.moneyWan(4012, decimals: 0) == "4012万元")
        #expect(ChineseFormat.number(try #require(Decimal(string: "0.125")), decimals: 2) == "0.13")
        #expect(ChineseFormat.number(try #require(Decimal(string: "-2.5")), decimals: 0) == "-3")
        #expect(ChineseFormat.number(try #require(Decimal(string: "-0.001")), decimals: 2) == "0.00")
        #expect(ChineseFormat.number(try #require(Decimal(string: "1.10")), decimals: nil) == "1.1")
    }

    @Test(arguments: [(4012, "4012"), (12345, "12,345"), (1_234_567, "1,234,567"), (-56789, "-56,789"), (0, "0")])
    func integersGroupFromFiveDigits(value: Int, expected: String) {
        #expect(ChineseFormat.integer(value) == expected)
    }

    @Test(arguments: [
        ("0.63", 0, "63%"), ("0.625", 0, "63%"), ("0.6349", 1, "63.5%"), ("1", 0, "100%"), ("0", 0, "0%"),
        ("0.996", 0, "99%"), ("0.001", 0, "1%"), ("0.9999", 1, "99.9%"),
    ])
    func percentagesNeverClaimAllOrNothingFalsely(ratio: String, decimals: Int, expected: String) throws {
        #expect(ChineseFormat.percent(try #require(Decimal(string: ratio)), decimals: decimals) == expected)
    }

    @Test func datesAndRanges() {
        #expect(ChineseFormat.date(year: 2021, month: 3, day: 5) == "2021年3月5日")
        #expect(ChineseFormat.month(year: 2021, month: 3) == "2021年3月")
        #expect(ChineseFormat.range("2020年", "2035年") == "2020年～2035年")
    }
}
