import Testing

@testable import QingshanKit

@Suite struct PersonalDataScannerTests {
    /// The closing line of the bureau's letter: a name, the office line and a mobile number.
    static let letterContactLine = "（联系人：综合科 陶贞贞 2160133 15228058022）"

    @Test func letterContactLineYieldsExactlyTheMobile() throws {
        let text = "抄送：市委目标绩效办。\n" + Self.letterContactLine + "\n"
        let findings = PersonalDataScanner.scan(text, path: "content/pages/letter.md", lineOffset: 3)
        let finding = try #require(findings.count == 1 ? findings.first : nil)
        #expect(finding.kind == .mobile)
        #expect(finding.masked == "152****8022")
        // （联系人：综合科 陶贞贞 2160133 ⇒ 3+9+3+9+1+9+1+7+1 = 43 bytes before the number.
        #expect(finding.location == SourceLocation(path: "content/pages/letter.md", line: 5, column: 44))
        #expect(finding.diagnostic.message.id == "personal-mobile")
        #expect(finding.diagnostic.severity == .error)
        #expect(!finding.diagnostic.description.contains("15228058022"))
    }

    @Test(arguments: [
        "综合科 0818-2160133",
        "电话：2160133",
        "环保热线 12369",
        "（0818）2160133",
        "(0818)2160133",
        "村级代码 511702100201",  // a 12-digit village code
        "215228058022",  // a mobile inside a longer digit run
        "1522805802",  // ten digits
        "12228058022",  // 1 then 2: no mainland mobile prefix
        "比例 0.4111111111111111",  // Luhn-valid digits after a decimal point: no card
        "110105194912310021",  // an ID number with a wrong check digit
        "11010519491231002Y",
        "0000000000000000",
        "办公邮箱 office@sthjj.dazhou.gov.cn",  // the bureau's own domain
        "user@qq.com.cn.example",  // not the provider itself
        "@qq.com 话题",
        "echarts@5",
    ])
    func passes(text: String) {
        #expect(PersonalDataScanner.scan(text, path: "a.md").isEmpty)
    }

    @Test(arguments: [
        ("手机 15228058022。", PersonalDataFinding.Kind.mobile, "152****8022", 8),
        ("152-2805-8022", .mobile, "152****8022", 1),
        ("tel 152 2805 8022 end", .mobile, "152****8022", 5),
        ("１５２２８０５８０２２", .mobile, "152****8022", 1),
        ("+86 19912345678", .mobile, "199****5678", 5),
        ("身份证 11010519491231002X", .idNumber, "110****002X", 11),
        ("11010519491231002x", .idNumber, "110****002X", 1),
        ("511702200109151231", .idNumber, "511****1231", 1),
        ("1980 leap day: 500101198002294564", .idNumber, "500****4564", 16),
        ("卡号 6222020200112345679", .bankCard, "6222****5679", 8),
        ("card 4111111111111111.", .bankCard, "4111****1111", 6),
        ("联系 zhang.san@qq.com。", .privateEmail, "zh****@qq.com", 8),
        ("Tao_ZZ@VIP.163.com.", .privateEmail, "Ta****@vip.163.com", 1),
        ("<a href=\"mailto:lisi2021@gmail.com\">", .privateEmail, "li****@gmail.com", 17),
    ])
    func catches(text: String, kind: PersonalDataFinding.Kind, masked: String, column: Int) throws {
        let findings = PersonalDataScanner.scan(text, path: "a.md")
        #expect(findings == [PersonalDataFinding(kind: kind, masked: masked, location: SourceLocation(path: "a.md", line: 1, column: column))])
    }

    @Test func anImpossibleBirthDateIsNoIDNumber() {
        // Right check digit, but month 13.
        #expect(!IdentityNumber.isValid(Array("511702200113151234".utf8)))
        // Right check digit and date, but 99 is no province.
        #expect(!IdentityNumber.isValid(Array("991702200109151230".utf8)))
        #expect(IdentityNumber.isValid(Array("511702200109151231".utf8)))
    }

    @Test func findingsAreReportedInOrderOnTheirLines() {
        let text = "a 13800000000\nb\n  c 6222020200112345679 and 13912345678"
        let findings = PersonalDataScanner.scan(text, path: "x.html")
        #expect(findings.map(\.kind) == [.mobile, .bankCard, .mobile])
        #expect(findings.map(\.location.description) == ["x.html:1:3", "x.html:3:5", "x.html:3:29"])
    }

    @Test func bytesAndStringsAgree() {
        let text = Self.letterContactLine
        #expect(PersonalDataScanner.scan(bytes: Array(text.utf8), path: "p") == PersonalDataScanner.scan(text, path: "p"))
    }
}
