import Foundation
import Testing

@testable import QingshanKit

/// `build --watch` and `serve` in Chinese, with a standing note shown once per run.
@Suite struct WatchLanguageTests {
    static let noBaseURL = Diagnostic.note(.publishWithoutBaseURL, at: SourceLocation(path: "content/site.yaml"))

    @Test func aStandingNoteIsShownOncePerRun() {
        var shown = ShownDiagnostics()
        let broken = Diagnostic.error(.missingKey("title"), at: SourceLocation(path: "content/pages/a.md", line: 2, column: 1))
        #expect(shown.fresh(Diagnostics([Self.noBaseURL]), changes: []).items.count == 1)
        #expect(shown.fresh(Diagnostics([Self.noBaseURL]), changes: ["content/pages/a.md"]).items.isEmpty)
        #expect(shown.fresh(Diagnostics([Self.noBaseURL, broken]), changes: ["content/pages/a.md"]).items == [broken])
        #expect(shown.fresh(Diagnostics([broken]), changes: []).items == [broken], "errors are shown until fixed")
        #expect(shown.fresh(Diagnostics([Self.noBaseURL]), changes: ["content/site.yaml"]).items.count == 1, "its own file changed")
    }

    @Test func rebuildLinesInChinese() {
        var summary = WriteSummary()
        summary.changed = ["a/index.html", "b/index.html"]
        var report = RebuildReport(
            changes: ["content/data/villages.csv"], diagnostics: Diagnostics(), renderedPageCount: 52, writeSummary: summary,
            duration: .milliseconds(410))
        #expect(report.line(in: .chinese) == "content/data/villages.csv（数据）：重新生成 52 个页面，写入 2 个文件，用时 0.41 秒")
        report.writeSummary = nil
        report.diagnostics = Diagnostics([.error(.missingKey("title"), at: nil)])
        #expect(report.line(in: .chinese) == "content/data/villages.csv（数据）：生成失败，1 个错误；仍保留上一次成功生成的网站（用时 0.41 秒）")
        #expect(report.line(in: .english) == report.line)
        #expect(ChangeClassifier.summary(of: ["content/pages/a.md", "content/data/b.csv"], in: .chinese) == "2 个文件：页面 1、数据 1")
    }

    @Test func buildChangesInChinese() {
        #expect(ChangeClassifier.describe(sourceChanges: "full build", in: .chinese) == "完整生成")
        #expect(
            ChangeClassifier.describe(sourceChanges: "changed a.md, b.md, c.md and 2 more; added d.md", in: .chinese)
                == "改动 a.md、b.md、c.md 等另外 2 个；新增 d.md")
    }
}
