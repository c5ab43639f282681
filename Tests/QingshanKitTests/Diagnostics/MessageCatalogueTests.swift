import Foundation
import Testing

@testable import QingshanKit

/// The message catalogue is complete in both languages: every message the library can
/// construct carries a Chinese text, found by reading the sources (Swift cannot list a
/// type's static members), and the language of a run is chosen as documented.
@Suite struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Each `id: "…"` in the library's sources with the text up to the next declaration.
    static func constructions() throws -> [(place: String, id: String, body: String)] {
        var found: [(String, String, String)] = []
        let enumerator = FileManager.default.enumerator(at: sources.appendingPathComponent("QingshanKit"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            var rest = text[...]
            while let start = rest.range(of: "id: \"") {
                let after = rest[start.upperBound...]
                let id = String(after.prefix { $0 != "\"" })
                let ends = ["\n    static ", "\n    func ", "\n    /// ", "\n    // MARK", "\n}"].compactMap { after.range(of: $0)?.lowerBound }
                let end = ends.min() ?? after.endIndex
                found.append(("\(url.lastPathComponent) \(id)", id, String(after[..<end])))
                rest = after
            }
        }
        return found
    }

    @Test func everyMessageHasAChineseText() throws {
        let all = try Self.constructions()
        #expect(all.count > 150, "found only \(all.count) messages: has the catalogue moved?")
        let missing = all.filter { !$0.body.contains("zh:") }.map(\.place)
        #expect(missing.isEmpty, "messages without `zh:`: \(missing)")
    }

    /// The note literals written in the library (`notes: ["…"]`, `notes.append("…")`,
    /// `let note = "…"`, `…Notes = ["…"]`), each interpolation replaced by `X`.
    static func noteLiterals() throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(at: sources.appendingPathComponent("QingshanKit"), includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for opener in ["notes: [\"", "notes.append(\"", "let note = \"", "Notes = [\n        \""] {
                var rest = text[...]
                while let start = rest.range(of: opener) {
                    found.append(literal(rest[start.upperBound...]))
                    rest = rest[start.upperBound...]
                }
            }
        }
        return found
    }

    /// A string literal's text up to its closing quote: `\(…)` becomes `X`, `\n` a newline.
    static func literal(_ source: Substring) -> String {
        var result = ""
        var index = source.startIndex
        while index < source.endIndex, source[index] != "\"" {
            let next = source.index(after: index)
            if source[index] == "\\", next < source.endIndex {
                if source[next] == "(" {
                    var depth = 0
                    var cursor = next
                    repeat {
                        if source[cursor] == "(" { depth += 1 } else if source[cursor] == ")" { depth -= 1 }
                        cursor = source.index(after: cursor)
                    } while depth > 0 && cursor < source.endIndex
                    result += "X"
                    index = cursor
                    continue
                }
                result += source[next] == "n" ? "\n" : String(source[next])
                index = source.index(after: next)
                continue
            }
            result.append(source[index])
            index = next
        }
        return result
    }

    @Test func everyNoteHasAChineseText() throws {
        let notes = try Self.noteLiterals()
        #expect(notes.count > 25, "found only \(notes.count) notes")
        let untranslated = notes.filter { Diagnostic.chineseNote($0) == $0 }
        #expect(untranslated.isEmpty, "notes without a Chinese pattern in Diagnostic+ChineseNotes.swift: \(untranslated)")
        #expect(Diagnostic.chineseNote("first seen at content/data/villages.csv:4:1") == "第一次出现在 content/data/villages.csv:4:1")
    }

    @Test func chineseTextsAreChinese() throws {
        for construction in try Self.constructions() {
            guard let range = construction.body.range(of: "zh:") else { continue }
            let zh = construction.body[range.upperBound...]
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(construction.place): no Chinese in its zh text")
        }
    }

    @Test func aSampleOfMessagesRendersInBothLanguages() {
        let messages: [Diagnostic.Message] = [
            .missingSiteConfig, .brokenPageLink("a.md"), .valueNotInEnum(field: "f", value: "v", allowed: ["甲", "乙"]),
            .publishWithoutBaseURL, .deadLink("x.html"), .csvRaggedRow(expected: 3, found: 2), .workbookNoSheets,
            .wrongType(key: "navigation", expected: "a list", found: "a mapping"), .fileTooLarge(bytes: 10, limit: 5),
        ]
        for message in messages {
            #expect(message.zh != nil, "\(message.id)")
            #expect(message.text(in: .english) == message.text)
            #expect(message.text(in: .chinese) == message.zh)
        }
        #expect(Diagnostic.Message.wrongType(key: "navigation", expected: "a list", found: "a mapping").zh?.contains("a list") == false)
    }

    @Test(
        arguments: [
            (nil, [:], nil, MessageLanguage.english),
            (nil, [:], "zh-CN", .chinese),
            (nil, ["LANG": "zh_CN.UTF-8"], "en", .chinese),
            (nil, ["LANG": "en_US.UTF-8"], "en", .english),
            (nil, ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], "en", .english),
            (nil, ["QINGSHAN_LANG": "en", "LANG": "zh_CN.UTF-8"], "zh-CN", .english),
            (nil, ["QINGSHAN_LANG": "zh"], "en", .chinese),
            ("en", ["QINGSHAN_LANG": "zh"], "zh-CN", .english),
            ("zh", [:], "en", .chinese),
        ] as [(String?, [String: String], String?, MessageLanguage)])
    func languageIsChosenAsDocumented(flag: String?, environment: [String: String], site: String?, expected: MessageLanguage) {
        #expect(MessageLanguage.resolve(flag: flag, environment: environment, siteLanguage: site) == expected)
    }

    @Test func formatterKeepsThePrefixToolsParse() {
        let diagnostics = Diagnostics([.error(.missingKey("title"), at: SourceLocation(path: "content/pages/a.md", line: 2, column: 1))])
        let text = DiagnosticFormatter(language: .chinese).text(diagnostics)
        #expect(text == "content/pages/a.md:2:1: error: 缺少必填的键“title”\n")
        #expect(diagnostics.summary(in: .chinese) == "1 个错误")
        #expect(Diagnostics().summary(in: .chinese) == "没有发现问题")
        #expect(DiagnosticFormatter.json(diagnostics, language: .chinese).contains("缺少必填的键"))
    }

    @Test func clockIsTwentyFourHour() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let evening = Date(timeIntervalSince1970: 18 * 3600 + 41 * 60 + 33)
        #expect(ClockStamp.time(evening, timeZone: utc) == "18:41:33")
        #expect(ClockStamp.time(Date(timeIntervalSince1970: 6 * 3600 + 5), timeZone: utc) == "06:00:05")
    }
}
