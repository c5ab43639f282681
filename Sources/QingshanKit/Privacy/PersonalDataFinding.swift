/// A piece of personal information found in text that would be published.
///
/// The number itself is never kept: only its masked form (`152****8022`), so a finding
/// can be printed, logged or written to JSON without leaking what it warns about.
public struct PersonalDataFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An 11-digit mainland mobile number, `1[3-9]` and nine digits.
        case mobile
        /// An 18-character resident ID number with a valid ISO 7064 MOD 11-2 check digit.
        case idNumber
        /// A 16–19-digit number that passes the Luhn check.
        case bankCard
        /// A mailbox on a public provider (`PersonalDataScanner.publicMailProviders`).
        case privateEmail
    }

    public var kind: Kind
    /// The first three (four for a card) and the last four characters, the rest as `****`.
    public var masked: String
    /// Where the number starts: line and UTF-8 byte column.
    public var location: SourceLocation

    public init(kind: Kind, masked: String, location: SourceLocation) {
        self.kind = kind
        self.masked = masked
        self.location = location
    }

    /// The catalogue message for this finding.
    var message: Diagnostic.Message {
        switch kind {
        case .mobile: .personalMobile(masked)
        case .idNumber: .personalIDNumber(masked)
        case .bankCard: .personalBankCard(masked)
        case .privateEmail: .personalEmail(masked)
        }
    }

    /// The finding as a blocking error, with a hint on how to publish anyway.
    public var diagnostic: Diagnostic {
        .error(
            message, at: location,
            notes: ["if this must be published, allow the file or column under `personalData.allow` in site.yaml, with a reason"])
    }

    /// `prefix` characters, `****`, then the last four.
    static func mask(_ characters: [UInt8], keep prefix: Int) -> String {
        let head = characters.prefix(prefix)
        let tail = characters.suffix(4)
        return String(decoding: head, as: UTF8.self) + "****" + String(decoding: tail, as: UTF8.self)
    }
}
