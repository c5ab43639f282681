import Foundation
import QingshanKit
import Testing

@testable import QingshanServer

/// The error overlay speaks the run's language: the messages, their notes and the summary.
@Suite struct ChineseOverlayTests {
    @Test func anErrorEventCarriesChineseTextForAChineseRun() throws {
        let diagnostics = Diagnostics([
            .error(
                .init(id: "missing-key", text: "missing required key 'title'", zh: "缺少必填的键“title”"), at: SourceLocation(path: "content/pages/a.md", line: 2, column: 1),
                notes: ["first seen at a.md:1:1"])
        ])
        let event = ServerEvent.error(diagnostics, language: .chinese).serverSentEvent
        let data = try #require(event.split(separator: "\n").dropFirst().first?.dropFirst(6))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(json["language"] as? String == "zh")
        #expect(json["summary"] as? String == "1 个错误")
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["message"] as? String == "缺少必填的键“title”")
        #expect(first["notes"] as? [String] == ["第一次出现在 a.md:1:1"])
        #expect(LiveReloadScript.source.contains("生成失败"))
    }
}
