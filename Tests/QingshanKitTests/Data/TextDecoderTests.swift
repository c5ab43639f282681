import Foundation
import Testing

@testable import QingshanKit

@Suite struct TextDecoderTests {
    private func load(_ file: String, schema: String? = nil) throws -> (Dataset?, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-enc-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("content/data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: dataFixtures.appendingPathComponent("encodings/\(file)"), to: data.appendingPathComponent(file))
        if let schema { try Data(schema.utf8).write(to: data.appendingPathComponent("\(file.prefix { $0 != "." }).schema.yaml")) }
        let result = DatasetLoader.load(dataFolder: data, root: folder)
        return (result.datasets[String(file.prefix { $0 != "." })], result.diagnostics)
    }

    @Test func gbkWithoutBOMIsReadAsGB18030() throws {
        let (dataset, diagnostics) = try load("gbk.csv")
        #expect(diagnostics.isEmpty)
        let villages = try #require(dataset)
        #expect(villages.encoding == "GB18030")
        #expect(villages.fields.map(\.name) == ["编号", "村名", "县"])
        #expect(villages.rows.map { $0["村名"] } == [.string("青山村"), .string("石桥村")])
        // Columns count UTF-8 bytes of the decoded text, not GBK bytes: "1," + 青山村 (9) + ",".
        #expect(villages.rows[0].location(of: "县").column == 13)
    }

    /// Excel's GBK "CSV" writes `?` for a character GBK cannot hold: a warning at each one.
    @Test func questionMarksExcelSubstitutedInAGBKFileAreWarnedAt() throws {
        let (dataset, diagnostics) = try load("gbk-substituted.csv")
        #expect(dataset?.encoding == "GB18030")
        // 青山?村 (after "1,"), the lone `?` cell (after the URL, whose `?` is left alone), `??`.
        #expect(positions(diagnostics) == ["data-substituted-character@2:9", "data-substituted-character@2:31", "data-substituted-character@3:3"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics[2].message == .dataSubstitutedCharacter(count: 2))
        // UTF-8 can hold every character: a `?` in bom.csv's text would have been typed.
        let (_, fromUTF8) = try load("bom.csv")
        #expect(fromUTF8.isEmpty)
    }

    @Test func substitutedCharactersAreListedUpToALimit() {
        let text = Array(String(repeating: "张?\n", count: 30).utf8)
        let found = SubstitutedCharacters.scan(text, path: "x.csv")
        #expect(found.count == SubstitutedCharacters.maxReported)
        #expect(found.last?.notes == ["10 more in this file are not listed"])
        #expect(SubstitutedCharacters.scan(Array("a?b,\"?x\",what?\n".utf8), path: "x.csv").isEmpty)
    }

    @Test func utf16LittleEndianUsesTabs() throws {
        let (dataset, diagnostics) = try load("utf16le.csv")
        #expect(diagnostics.isEmpty)
        let villages = try #require(dataset)
        #expect(villages.encoding == "UTF-16LE")
        #expect(villages.rows.map { $0["村名"] } == [.string("青山村"), .string("石桥\n村")])
    }

    @Test func utf8BOMIsDroppedAndReported() throws {
        let (dataset, diagnostics) = try load("bom.csv")
        #expect(diagnostics.isEmpty)
        #expect(dataset?.encoding == "UTF-8 with BOM")
        #expect(dataset?.fields.first?.name == "编号")
    }

    @Test func invalidBytesNameTheirLine() throws {
        let (_, diagnostics) = try load("invalid.csv")
        #expect(positions(diagnostics) == ["data-invalid-encoding@3:6"])
        #expect(diagnostics[0].message == .dataInvalidEncoding(byte: 0xFF))
        #expect(diagnostics[0].description.hasPrefix("content/data/invalid.csv:3:6: error:"))
    }

    @Test func aDeclaredEncodingIsUsed() throws {
        let (dataset, diagnostics) = try load("declared.csv", schema: "encoding: gbk\nfields: [{name: 编号}, {name: 村名}]\n")
        #expect(diagnostics.isEmpty)
        #expect(dataset?.encoding == "GB18030")
        #expect(dataset?.rows.first?["村名"] == .string("青山村"))
        let (_, wrong) = try load("declared.csv", schema: "encoding: utf-16be\nfields: [{name: 编号}]\n")
        #expect(wrong.first?.message.id == "data-declared-encoding-failed")
    }

    @Test func strictUTF8IsPreferredOverGB18030() {
        // These bytes are valid in both; UTF-8 must win.
        guard case .success(let text) = TextDecoder.decode(Array("青山".utf8)) else {
            Issue.record("did not decode")
            return
        }
        #expect(text.encoding == .utf8)
        #expect(String(decoding: text.utf8, as: UTF8.self) == "青山")
    }
}
