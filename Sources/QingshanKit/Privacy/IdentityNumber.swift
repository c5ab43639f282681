/// Check-digit arithmetic for the numbers `PersonalDataScanner` looks for.
///
/// Checking the digit is what keeps false alarms down: an 18-digit statistic or
/// project code is flagged only when its last digit happens to be right.
enum IdentityNumber {
    /// ISO 7064 MOD 11-2 weights for the first 17 digits (GB 11643-1999).
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// The check character for each remainder 0…10.
    private static let checkCharacters: [UInt8] = Array("10X98765432".utf8)
    /// Province-level codes that start an ID number (11 Beijing … 65 Xinjiang, 71, 81, 82).
    private static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]

    /// Whether 18 ASCII characters (17 digits and a digit or `X`) form a resident ID
    /// number: a province code, a real birth date from 1900 to 2099, and the right check digit.
    static func isValid(_ characters: [UInt8]) -> Bool {
        guard characters.count == 18 else { return false }
        var values: [Int] = []
        values.reserveCapacity(17)
        for byte in characters.prefix(17) {
            guard byte &- 0x30 < 10 else { return false }
            values.append(Int(byte - 0x30))
        }
        guard provinceCodes.contains(values[0] * 10 + values[1]) else { return false }
        let year = values[6...9].reduce(0) { $0 * 10 + $1 }
        let month = values[10] * 10 + values[11]
        let day = values[12] * 10 + values[13]
        guard (1900...2099).contains(year), (1...12).contains(month), day >= 1, day <= days(inMonth: month, of: year) else {
            return false
        }
        var sum = 0
        for (value, weight) in zip(values, weights) { sum += value * weight }
        let last = characters[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : characters[17]
        return checkCharacters[sum % 11] == last
    }

    /// Whether ASCII digits pass the Luhn check and look like a card: a card number never
    /// starts with `0`, and a run of one repeated digit (`0000…`, placeholder text) is no card.
    static func isPlausibleCard(_ digits: [UInt8]) -> Bool {
        guard (16...19).contains(digits.count), digits[0] != UInt8(ascii: "0") else { return false }
        guard digits.contains(where: { $0 != digits[0] }) else { return false }
        return passesLuhn(digits)
    }

    /// The Luhn (mod 10) check over ASCII digits, the last one being the check digit.
    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in digits.reversed().enumerated() {
            var value = Int(byte) - 0x30
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
