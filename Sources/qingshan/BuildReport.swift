import Foundation
import QingshanKit

/// The one line `qingshan build` prints: what changed, what was re-rendered, what was
/// written, how long it took.
enum BuildReport {
    static func line(result: BuildResult, summary: WriteSummary, output: String, seconds: Double) -> String {
        let pages = result.renderedPageCount == 1 ? "1 page" : "\(result.renderedPageCount) pages"
        var parts = ["\(result.sourceChanges): re-rendered \(pages) (\(result.keptFiles.count) reused)"]
        parts.append("\(output): \(summary.added.count) added, \(summary.changed.count) changed, \(summary.removed.count) removed")
        if let size = result.searchIndexSize { parts.append(size.description) }
        parts.append(String(format: "%.2f s", seconds))
        return parts.joined(separator: "; ")
    }
}
