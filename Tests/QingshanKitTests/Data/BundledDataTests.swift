import Foundation
import Testing

@testable import QingshanKit

/// The bundled site's `content/data`, loaded exactly as a build loads it.
@Suite struct BundledDataTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let loaded = DatasetLoader.load(dataFolder: root.appendingPathComponent("content/data"), root: root)

    @Test func loadsWithoutProblems() {
        #expect(Self.loaded.diagnostics.map(\.description) == [])
        #expect(Self.loaded.datasets.keys.sorted() == ["agreements", "funding", "meetings", "milestones", "units", "villages"])
    }

    @Test func fortyNineSampleVillagesInDazhousSevenUnits() throws {
        let villages = try #require(Self.loaded.datasets["villages"])
        #expect(villages.rows.count == 49)
        #expect(villages.sample)
        #expect(villages.encoding == "UTF-8 with BOM")
        let counties = Set(villages.rows.map { $0["county"].description })
        #expect(counties == ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市"])
        #expect(villages.rows.allSatisfy { $0["id"].description.utf8.count == 12 })
    }

    /// Kept Hugo-style (issue 15's Done-when): records under `milestones:`, a `tasks` list per
    /// record, `updated:` beside them, read as the file is through its descriptor.
    @Test func milestonesSitUnderAKeyWithTheirTasks() throws {
        let milestones = try #require(Self.loaded.datasets["milestones"])
        #expect(milestones.rows.count == 9)
        #expect(milestones.metadata["updated"] == .string("2021-01-01"))
        #expect(milestones.metadata["source"] == .string("达市环案〔2021〕3号"))
        let tongbo = try #require(milestones.rows.first { $0["id"].description == "tongbo-agreement" })
        #expect(tongbo["tasks"] == .list([.string("召开跨界河流联防联控推进会议"), .string("签订《铜钵河流域生态环境联动共治协议》")]))
    }

    @Test func theLettersFiguresInTenThousandYuan() throws {
        let funding = try #require(Self.loaded.datasets["funding"])
        let byID = Dictionary(uniqueKeysWithValues: funding.rows.map { ($0["id"].description, $0) })
        #expect(byID["plan"]?["projects"] == .integer(56))
        #expect(byID["plan"]?["investment"] == .number(565_000))
        #expect(byID["adbc"]?["projects"] == .integer(12))
        #expect(byID["adbc"]?["applied"] == .number(506_000))
        #expect(byID["adbc"]?["disbursed"] == .number(388_000))
        #expect(byID["abc"]?["projects"] == .integer(5))
        #expect(byID["abc"]?["applied"] == .number(51_000))
        #expect(byID["abc"]?["disbursed"] == .number(4_012))
    }

    @Test func twelveUnitsAndTheMeetingRotationInTheLettersOrder() throws {
        let units = try #require(Self.loaded.datasets["units"])
        #expect(units.rows.count == 12)
        let started = units.rows.filter { $0["status"] == .string("申报编制中") }.map { $0["name"].description }
        #expect(started == ["宣汉县", "开江县", "大竹县"])
        let meetings = try #require(Self.loaded.datasets["meetings"])
        #expect(meetings.rows.map { $0["place"].description } == ["达州市", "万州区", "开州区", "梁平区", "垫江县", "城口县"])
    }
}
