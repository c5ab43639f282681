import Foundation
import QingshanKit
import Testing

@Suite struct FixedDecimalTests {
    /// Equal to `String(format:)` wherever the value is not a binary tie (%.Nf rounds the
    /// exact binary value; ties like 0.125 are where the two may differ, by design).
    @Test(arguments: [0.0, 0.004, 0.41, 1.0, 9.999, 12.7, 0.0951, 123.456, 7e-7, 86_400.26, -1.41, -3.2])
    func matchesStringFormat(_ value: Double) {
        for digits in 0...3 {
            #expect(FixedDecimal.text(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
        }
    }

    @Test func roundsAwayFromZeroAndNeverPrintsMinusZero() {
        #expect(FixedDecimal.text(0.005, digits: 2) == "0.01")
        #expect(FixedDecimal.text(-0.001, digits: 2) == "0.00")
        #expect(FixedDecimal.seconds(.milliseconds(1_234)) == "1.23")
        #expect(FixedDecimal.seconds(.seconds(0)) == "0.00")
    }
}
