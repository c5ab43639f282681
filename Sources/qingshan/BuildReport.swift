import Foundation
import QingshanKit

/// The one line `qingshan build` prints: what changed, what was re-rendered, what was
/// written, how long it took.
enum BuildReport {
    static func line(result: BuildResult, summary: WriteSummary, output: String, seconds: Double, language: MessageLanguage = .english) -> String {
        if language == .chinese { return chineseLine(result: result, summary: summary, output: output, seconds: seconds) }
        let pages = result.renderedPageCount == 1 ? "1 page" : "\(result.renderedPageCount) pages"
        var parts = ["\(result.sourceChanges): re-rendered \(pages) (\(result.keptFiles.count) reused)"]
        parts.append("\(output): \(summary.added.count) added, \(summary.changed.count) changed, \(summary.removed.count) removed")
        if let size = result.searchIndexSize { parts.append(size.description) }
        parts.append(FixedDecimal.text(seconds, digits: 2) + " s")
        return parts.joined(separator: "; ")
    }

    /// "完整生成：重新生成 40 个页面（沿用 0 个）；public：新增 60、修改 0、删除 0；用时 0.52 秒".
    private static func chineseLine(result: BuildResult, summary: WriteSummary, output: String, seconds: Double) -> String {
        let changes = ChangeClassifier.describe(sourceChanges: result.sourceChanges, in: .chinese)
        var parts = ["\(changes)：重新生成 \(result.renderedPageCount) 个页面（沿用 \(result.keptFiles.count) 个）"]
        parts.append("\(output)：新增 \(summary.added.count)、修改 \(summary.changed.count)、删除 \(summary.removed.count) 个文件")
        if let size = result.searchIndexSize {
            parts.append("搜索索引 \(kilobytes(size.indexBytes))，为网页总量 \(kilobytes(size.htmlBytes)) 的 \(Int((size.ratio * 100).rounded())) %")
        }
        parts.append("用时 " + FixedDecimal.text(seconds, digits: 2) + " 秒")
        return parts.joined(separator: "；")
    }

    private static func kilobytes(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : "\((bytes + 512) / 1024) KB"
    }
}
