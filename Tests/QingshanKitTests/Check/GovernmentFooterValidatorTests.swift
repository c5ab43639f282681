import Testing

@testable import QingshanKit

@Suite struct GovernmentFooterValidatorTests {
    typealias Field = GovernmentFooterValidator.Field
    static let location = SourceLocation(path: "content/site.yaml", line: 12, column: 17)

    func ids(_ field: Field, _ text: String) -> [String] {
        GovernmentFooterValidator.validate([field: .init(text, at: Self.location)]).map(\.message.id)
    }

    @Test(arguments: [
        (Field.siteIDCode, "5117000001"), (.siteIDCode, "5000000014"), (.siteIDCode, "bm17000001"),
        (.icp, "蜀ICP备12345678号"), (.icp, "蜀ICP备12345678号-1"), (.icp, "渝ICP备2021001234号-12"), (.icp, "京ICP备05070218号"),
        (.publicSecurity, "川公网安备 51170202000123号"), (.publicSecurity, "川公网安备51170202000123号"),
        (.publicSecurity, "渝公网安备 50010302002176号"),
        (.icp, ""), (.publicSecurity, "  "),  // empty: the host site carries them
    ])
    func valid(field: Field, text: String) {
        #expect(ids(field, text) == [])
    }

    @Test(arguments: [
        (Field.siteIDCode, "511700000", "footer-site-id-code"),  // nine digits
        (.siteIDCode, "99170000001", "footer-site-id-code"),
        (.siteIDCode, "9917000001", "footer-site-id-code"),  // 99 is no region
        (.siteIDCode, "bm1700001", "footer-site-id-code"),
        (.siteIDCode, "BM17000001", "footer-site-id-code"),
        (.icp, "川ICP备12345678号", "footer-icp-number"),  // ICP numbers use 蜀 for Sichuan
        (.icp, "蜀ICP备12345678", "footer-icp-number"),
        (.icp, "蜀ICP备12345678号-", "footer-icp-number"),
        (.icp, "蜀ICP证12345678号", "footer-icp-number"),
        (.icp, "ICP备12345678号", "footer-icp-number"),
        (.publicSecurity, "蜀公网安备 51170202000123号", "footer-public-security-number"),  // 川 here
        (.publicSecurity, "川公网安备 5117020200012号", "footer-public-security-number"),  // 13 digits
        (.publicSecurity, "川公网安备 51170202000123", "footer-public-security-number"),
        (.publicSecurity, "川公网安备 50010302002176号", "footer-public-security-region"),
    ])
    func invalid(field: Field, text: String, id: String) {
        #expect(ids(field, text) == [id])
    }

    @Test func errorsPointAtTheFieldAndQuoteIt() throws {
        let diagnostics = GovernmentFooterValidator.validate([
            .icp: .init("蜀ICP备123号", at: Self.location),
            .siteIDCode: .init("5117000001", at: nil),
        ])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.description.hasPrefix("content/site.yaml:12:17: error: ICP number (ICP备案号) `蜀ICP备123号`"))
    }
}
