/// Finds personal information — mainland mobile numbers, resident ID numbers, bank card
/// numbers, private e-mail addresses — in text that is about to be published (Markdown, data cells, output HTML).
///
/// One pass over the UTF-8 bytes, no regular expressions: it runs over every output page.
/// Digits are ASCII or full-width (`１５２…`, as Excel and WPS sometimes write them).
/// Office landlines and hotlines (`0818-2160133`, `2160133`, `12369`) are not personal
/// data and pass: a mobile number is exactly 11 digits, not part of a longer run.
public enum PersonalDataScanner {
    /// The findings in `text`, in order. `path` names the file in each location;
    /// `lineOffset` is added to every line (text that starts further down a file).
    public static func scan(_ text: String, path: String, lineOffset: Int = 0) -> [PersonalDataFinding] {
        var text = text
        return text.withUTF8 { scan(buffer: $0, path: path, lineOffset: lineOffset) }
    }

    /// The findings in UTF-8 `bytes`, in order.
    public static func scan(bytes: [UInt8], path: String, lineOffset: Int = 0) -> [PersonalDataFinding] {
        bytes.withUnsafeBufferPointer { scan(buffer: $0, path: path, lineOffset: lineOffset) }
    }

    static func scan(buffer bytes: UnsafeBufferPointer<UInt8>, path: String, lineOffset: Int) -> [PersonalDataFinding] {
        var findings: [PersonalDataFinding] = []
        var line = 1
        var lineStart = 0
        var previousRunEnd = -2
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            if byte == UInt8(ascii: "@"), let email = privateEmail(in: bytes, at: i) {
                let location = SourceLocation(path: path, line: line + lineOffset, column: email.start - lineStart + 1)
                findings.append(PersonalDataFinding(kind: .privateEmail, masked: email.masked, location: location))
                i = email.end
                continue
            }
            // Fast path: only ASCII digits and the lead byte of full-width forms start a run.
            guard byte &- 0x30 < 10 || byte == 0xEF, digit(in: bytes, at: i) != nil else {
                i += 1
                continue
            }
            let start = i
            var digitCount = 0
            var end = i
            while let d = digit(in: bytes, at: end) {
                digitCount += 1
                end += d.width
            }
            // `3.1415926535897932`: the digits after a decimal point are no identifier.
            let isFraction = start >= 1 && bytes[start - 1] == UInt8(ascii: ".") && previousRunEnd == start - 1
            let isIntegerPart = end + 1 < count && bytes[end] == UInt8(ascii: ".") && digit(in: bytes, at: end + 1) != nil
            previousRunEnd = end
            i = end
            guard !isFraction, !isIntegerPart else { continue }

            func found(_ kind: PersonalDataFinding.Kind, _ masked: String) {
                let location = SourceLocation(path: path, line: line + lineOffset, column: start - lineStart + 1)
                findings.append(PersonalDataFinding(kind: kind, masked: masked, location: location))
            }

            switch digitCount {
            case 3:
                if let (masked, groupEnd) = separatedMobile(in: bytes, from: start, firstGroupEnd: end) {
                    found(.mobile, masked)
                    previousRunEnd = groupEnd
                    i = groupEnd
                }
            case 11:
                let digits = asciiDigits(in: bytes, from: start, to: end)
                if digits[0] == UInt8(ascii: "1"), digits[1] >= UInt8(ascii: "3") {
                    found(.mobile, PersonalDataFinding.mask(digits, keep: 3))
                }
            case 17 where end < count && (bytes[end] | 0x20) == UInt8(ascii: "x") && !isAlphanumeric(bytes, end + 1):
                var digits = asciiDigits(in: bytes, from: start, to: end)
                digits.append(UInt8(ascii: "X"))
                if IdentityNumber.isValid(digits) {
                    found(.idNumber, PersonalDataFinding.mask(digits, keep: 3))
                }
                i = end + 1
            case 16...19:
                let digits = asciiDigits(in: bytes, from: start, to: end)
                if digitCount == 18, IdentityNumber.isValid(digits) {
                    found(.idNumber, PersonalDataFinding.mask(digits, keep: 3))
                } else if IdentityNumber.isPlausibleCard(digits) {
                    found(.bankCard, PersonalDataFinding.mask(digits, keep: 4))
                }
            default:
                break
            }
        }
        return findings
    }

    /// `152-2805-8022` or `152 2805 8022`: a 3-digit run `1[3-9]x`, then two groups of four
    /// with the same separator, and no digit after. Returns the masked number and the end.
    private static func separatedMobile(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstGroupEnd: Int
    ) -> (String, Int)? {
        guard firstGroupEnd < bytes.count else { return nil }
        let separator = bytes[firstGroupEnd]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: " ") else { return nil }
        var digits = asciiDigits(in: bytes, from: start, to: firstGroupEnd)
        guard digits[0] == UInt8(ascii: "1"), digits[1] >= UInt8(ascii: "3") else { return nil }
        var position = firstGroupEnd
        for _ in 0..<2 {
            guard position < bytes.count, bytes[position] == separator else { return nil }
            position += 1
            for _ in 0..<4 {
                guard let d = digit(in: bytes, at: position) else { return nil }
                digits.append(d.ascii)
                position += d.width
            }
        }
        guard digit(in: bytes, at: position) == nil else { return nil }
        return (PersonalDataFinding.mask(digits, keep: 3), position)
    }

    /// The digit at `index` as its ASCII byte and its width in bytes (1, or 3 for
    /// full-width `０`–`９`, U+FF10–U+FF19 = EF BC 90–99).
    @inline(__always)
    static func digit(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (ascii: UInt8, width: Int)? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte &- 0x30 < 10 { return (byte, 1) }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] &- 0x90 < 10 {
            return (bytes[index + 2] - 0x90 + 0x30, 3)
        }
        return nil
    }

    private static func asciiDigits(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
        var digits: [UInt8] = []
        digits.reserveCapacity(19)
        var position = start
        while position < end, let d = digit(in: bytes, at: position) {
            digits.append(d.ascii)
            position += d.width
        }
        return digits
    }

    private static func isAlphanumeric(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
