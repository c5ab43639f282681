import Foundation
import Testing

/// The bundled demonstration site says what the bureau's letter
/// (达市环案〔2021〕3号) says, where a reader looks for it, and nothing private.
@Suite("Bundled site content")
struct BundledContentTests {
    /// A statement of the letter and the page that must carry it, figures and dates as the letter gives them.
    struct Fact: CustomTestStringConvertible, Sendable {
        let page: String
        let text: String
        var testDescription: String { "\(page): \(text)" }
    }

    static let facts: [Fact] = [
        // Home and goals.
        Fact(page: "index.md", text: "2020年1月3日主持召开的中央财经委第6次会议"),
        Fact(page: "index.md", text: "全国首个跨省“美丽中国”示范区"),
        Fact(page: "goals.md", text: "到“十五五”末，即2030年底"),
        Fact(page: "goals.md", text: "每年成功创建1-2个“美丽中国”示范县（区）"),
        Fact(page: "goals.md", text: "国家级生态文明示范县（区、市）达50%以上"),
        Fact(page: "goals.md", text: "“绿水青山就是金山银山”实践创新基地3个"),
        Fact(page: "goals.md", text: "提前5年完成“美丽中国”示范市创建工作"),
        Fact(page: "goals.md", text: "再利用5年时间，到2035年，努力把万达开区域建成**全国首个跨省“美丽中国”样板区**"),
        Fact(page: "goals.md", text: "大竹、宣汉、开江于2020年4月起"),
        // Mechanisms and agreements.
        Fact(page: "mechanisms/memorandum.md", text: "2020年4月16日"),
        Fact(page: "mechanisms/memorandum.md", text: "重庆市万州区、开州区等5县区生态环境局"),
        Fact(page: "mechanisms/memorandum.md", text: "“万达开川渝统筹生态文明协同发展座谈会”"),
        Fact(page: "mechanisms/memorandum.md", text: "10项共识"),
        Fact(page: "mechanisms/memorandum.md", text: "跨界流域联防联控机制"),
        Fact(page: "mechanisms/memorandum.md", text: "大气污染联防联控工作机制"),
        Fact(page: "mechanisms/emergency-agreement.md", text: "5项机制"),
        Fact(page: "mechanisms/emergency-agreement.md", text: "突发环境事件长效协作机制"),
        Fact(page: "mechanisms/emergency-agreement.md", text: "联合防控预警机制"),
        Fact(page: "mechanisms/tongbo-river-agreement.md", text: "2020年9月3日，川渝省级生态环境部门在大竹县"),
        Fact(page: "mechanisms/tongbo-river-agreement.md", text: "《铜钵河流域生态环境联动共治协议》"),
        Fact(page: "mechanisms/research-report.md", text: "《万达开川渝统筹生态文明协同发展示（典）示范区建设的战略思考》"),
        // Joint actions.
        Fact(page: "joint-actions/air-supervision.md", text: "2020年6月—12月"),
        Fact(page: "joint-actions/air-supervision.md", text: "重庆市渝北区"),
        Fact(page: "joint-actions/air-supervision.md", text: "**7轮**蓝天保卫战督导帮扶"),
        Fact(page: "joint-actions/hazard-screening.md", text: "**35人**"),
        Fact(page: "joint-actions/hazard-screening.md", text: "大竹、开江、万源、宣汉等四个跨省流域**14家企业**"),
        // Funding.
        Fact(page: "funding.md", text: "总投资56.5亿元、56个项目"),
        Fact(page: "funding.md", text: "支持项目：12个"),
        Fact(page: "funding.md", text: "申请贷款金额总计：50.6亿元"),
        Fact(page: "funding.md", text: "已完成放贷：38.8亿元"),
        Fact(page: "funding.md", text: "支持项目：5个"),
        Fact(page: "funding.md", text: "申请贷款金额总计：5.1亿元"),
        Fact(page: "funding.md", text: "已完成放贷：4012万元"),
        Fact(page: "funding.md", text: "水、大气、土壤、固体废物污染防治和农村环境综合整治“三年行动计划”"),
        // Next steps.
        Fact(page: "next-steps.md", text: "**每季度召开一次联席会议**"),
        Fact(page: "next-steps.md", text: "1. 达州市生态环境局\n2. 万州区生态环境局\n3. 开州区生态环境局\n4. 梁平区生态环境局\n5. 垫江县生态环境局\n6. 城口县生态环境局"),
        Fact(page: "next-steps.md", text: "跨区域开展联合执法"),
        Fact(page: "next-steps.md", text: "区域固体废物处置"),
        Fact(page: "next-steps.md", text: "区域数据平台建设"),
        Fact(page: "next-steps.md", text: "2021年**49个村**的农村环境综合整治任务"),
        Fact(page: "next-steps.md", text: "渠江流域综合整治及生态修复"),
        Fact(page: "next-steps.md", text: "铜钵河流域水生态环境治理"),
        // Demonstration creation: the 12 units.
        Fact(page: "demonstration.md", text: "通川区、达川区"),
        Fact(page: "demonstration.md", text: "宣汉县、开江县、大竹县、渠县"),
        Fact(page: "demonstration.md", text: "万源市"),
        Fact(page: "demonstration.md", text: "万州区、开州区、梁平区"),
        Fact(page: "demonstration.md", text: "垫江县、城口县"),
        Fact(page: "rural-remediation/index.md", text: "**49个村**"),
        // About.
        Fact(page: "about.md", text: "达市环案〔2021〕3号"),
        Fact(page: "about.md", text: "市政协四届六次会议第025号提案"),
        Fact(page: "about.md", text: "达州市生态环境局综合科"),
    ]

    @Test("every fact of the letter is on its page", arguments: facts)
    func factOnPage(_ fact: Fact) throws {
        #expect(try BundledSite.text(fact.page).contains(fact.text))
    }

    @Test("the contact person's name and mobile number appear nowhere")
    func noPersonalInformation() throws {
        for (path, text) in try BundledSite.allTexts() {
            #expect(!text.contains("陶贞贞"), "\(path) names the contact person")
            #expect(Self.mobileNumbers(in: text).isEmpty, "\(path) carries a mobile number")
        }
    }

    @Test(
        "the mobile-number scan finds an 11-digit mobile, not a landline or a longer digit run",
        arguments: [("电话 15228058022。", ["15228058022"]), ("电话 2160133", []), ("编号 215228058022", []), ("12345678901", [])])
    func mobileScan(_ text: String, _ expected: [String]) {
        #expect(Self.mobileNumbers(in: text) == expected)
    }

    @Test("every page has a title; every date is a real calendar date or month", arguments: BundledSite.pagePaths())
    func frontMatter(_ path: String) throws {
        let page = try BundledSite.page(path)
        let title = page.frontMatter["title"] as? String ?? ""
        #expect(!title.isEmpty)
        if let date = try BundledSite.rawField("date", of: path) {
            #expect(Self.isCalendarDate(date), "date \(date)")
        }
    }

    @Test("every link to another page points at an existing file", arguments: BundledSite.pagePaths())
    func linksResolve(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        for link in BundledSite.markdownLinks(in: try BundledSite.page(path).body) {
            let target = BundledSite.pages.appendingPathComponent(folder).appendingPathComponent(link).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(path) links to missing \(link)")
        }
    }

    @Test("every navigation entry names an existing page (or the generated 本期变化)")
    func navigation() throws {
        let entries = try #require(BundledSite.configuration()["navigation"] as? [[String: Any]])
        #expect(entries.count == 11)
        for entry in entries {
            if let path = entry["path"] as? String {
                #expect(path == "changes/index.html")
                continue
            }
            let page = try #require(entry["page"] as? String)
            #expect(FileManager.default.fileExists(atPath: BundledSite.pages.appendingPathComponent(page).path), "\(page)")
        }
    }

    @Test("updates: one dated post per dated event of the letter")
    func updates() throws {
        let posts = BundledSite.pagePaths().filter { $0.hasPrefix("updates/") && $0 != "updates/index.md" }
        let dates = try posts.map { try #require(try BundledSite.rawField("date", of: $0)) }
        #expect(dates.sorted() == ["2020-01-03", "2020-04", "2020-04-16", "2020-06", "2020-09-03"])
    }

    @Test("identity codes are never filled with made-up values")
    func noInventedIdentity() throws {
        let footer = try #require(BundledSite.configuration()["footer"] as? [String: Any])
        for key in ["siteIDCode", "icp", "publicSecurity"] {
            #expect(footer[key] == nil, "\(key) must come from the bureau's records")
        }
        #expect(footer["sponsor"] as? String == "达州市生态环境局")
    }

    /// 11-digit mainland mobile numbers (`1[3-9]` + 9 digits) not inside a longer digit run.
    static func mobileNumbers(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index].isDigit else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, bytes[end].isDigit { end += 1 }
            if end - index == 11, bytes[index] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
                found.append(String(decoding: bytes[index..<end], as: UTF8.self))
            }
            index = end
        }
        return found
    }

    /// `YYYY-MM-DD` naming a real day, or `YYYY-MM` when the letter gives only the month.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }), text.count == (parts.count == 3 ? 10 : 7) else { return false }
        let year = parts[0]!
        let month = parts[1]!
        guard (1...12).contains(month) else { return false }
        guard parts.count == 3 else { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: parts[2]!)
        return components.isValidDate(in: calendar)
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
