import Foundation
import Testing

@testable import QingshanKit

/// Data errors in Chinese name the cell as Excel or WPS shows it and the column's title
/// from the schema, and say what to write instead (issue 18).
@Suite struct CellNamesTests {
    /// The bundled villages dataset and schema, with F4 (sewage, third village) spoiled.
    static func spoiledVillages() throws -> (csv: String, schema: String) {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content/data")
        let csv = try String(contentsOf: data.appendingPathComponent("villages.csv"), encoding: .utf8)
        let schema = try String(contentsOf: data.appendingPathComponent("villages.schema.yaml"), encoding: .utf8)
        // The bundled file has CRLF line ends, one Character in Swift.
        var lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[3].components(separatedBy: ",")
        cells[5] = "施工中"
        lines[3] = cells.joined(separator: ",")
        return (lines.joined(separator: "\r\n"), schema)
    }

    @Test func badEnumCellUnderAChineseLocaleNamesF4AndTheTitle() throws {
        let (csv, schema) = try Self.spoiledVillages()
        let (_, diagnostics) = loadInline(csv, schema: schema)
        let bad = try #require(diagnostics.first { $0.message.id == "value-enum" })
        let language = MessageLanguage.resolve(flag: nil, environment: ["LANG": "zh_CN.UTF-8"], siteLanguage: nil)
        let line = DiagnosticFormatter(language: language).text(Diagnostics([bad]))
        #expect(line.hasPrefix("content/data/villages.csv:4:"))
        #expect(line.contains(": error: F4（生活污水治理）：“施工中”不是允许的值。请改为：未开工、在建、已完工、已验收之一"), "\(line)")
        #expect(bad.message.text == "field 'sewage': '施工中' is not one of '未开工', '在建', '已完工', '已验收'")
    }

    @Test func foreignKeyErrorsNameTheCellAcrossDatasets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-cells-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("content/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let (csv, schema) = try Self.spoiledVillages()
        try csv.replacingOccurrences(of: "511702001003,样例村03,通川区", with: "511702001003,样例村03,通川")
            .write(to: data.appendingPathComponent("villages.csv"), atomically: true, encoding: .utf8)
        try schema.write(to: data.appendingPathComponent("villages.schema.yaml"), atomically: true, encoding: .utf8)
        try "- {name: 通川区}\n".write(to: data.appendingPathComponent("units.yaml"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = DatasetLoader.load(dataFolder: data, root: folder)
        let missing = try #require(diagnostics.first { $0.message.id == "foreign-key-missing" })
        #expect(missing.message.zh == "C4（区县（市））：“通川”在数据表“units”的 name 中找不到；请检查是否有错字，或先在“units”中添加它")
    }

    @Test func otherCellMessagesNameTheCellToo() {
        let schema = """
            fields:
              - {name: id, title: 编号, constraints: {required: true}}
              - {name: budget, title: 投资, type: number}
            """
        let (_, diagnostics) = loadInline("id,budget\nA1,1\n,七十\n", schema: schema)
        let texts = diagnostics.map { $0.message.text(in: .chinese) }
        #expect(texts.contains("B3（投资）：“七十”不是数值；请改为数值"), "\(texts)")
        #expect(texts.contains("A3（编号）：此项必填，单元格却是空的；请填写"), "\(texts)")
    }

    @Test func yamlDatasetsNameTheTitleWithoutACell() {
        let schema = "fields:\n  - {name: status, title: 整治状态, constraints: {enum: [在建, 已完工]}}\n"
        let (_, diagnostics) = loadInline("- {status: 开工}\n", file: "villages.yaml", schema: schema)
        #expect(diagnostics.map { $0.message.text(in: .chinese) } == ["“整治状态”：“开工”不是允许的值。请改为：在建、已完工之一"])
    }

    @Test func aMessageNotAboutAFieldIsPrefixedWithTheCell() {
        let message = Diagnostic.Message.csvHeaderDuplicate("id").naming(cell: "C1", titles: [:])
        #expect(message.zh == "C1：标题行中列名“id”出现了两次；请改名其中一个")
        #expect(message.text == Diagnostic.Message.csvHeaderDuplicate("id").text)
    }
}
