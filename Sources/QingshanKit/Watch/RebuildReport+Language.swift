/// The rebuild report and change summaries in the language of the run (`MessageLanguage`).
extension RebuildReport {
    /// `line` in `language`: "content/data/villages.csv（数据）：重新生成 52 个页面，写入 3 个文件，用时 0.41 秒".
    public func line(in language: MessageLanguage) -> String {
        guard language == .chinese else { return line }
        let what = changes.isEmpty ? "首次生成" : ChangeClassifier.summary(of: changes, in: language)
        let seconds = FixedDecimal.seconds(duration)
        guard succeeded, let summary = writeSummary else {
            return "\(what)：生成失败，\(diagnostics.summary(in: language))；仍保留上一次成功生成的网站（用时 \(seconds) 秒）"
        }
        let written = summary.added.count + summary.changed.count + summary.removed.count
        return "\(what)：重新生成 \(renderedPageCount) 个页面，写入 \(written) 个文件，用时 \(seconds) 秒"
    }
}

extension ChangeKind {
    /// 配置, 页面, 数据, 模板, 静态文件, 其他.
    var chineseName: String {
        switch self {
        case .config: "配置"
        case .page: "页面"
        case .data: "数据"
        case .template: "模板"
        case .static: "静态文件"
        case .other: "其他"
        }
    }
}

extension ChangeClassifier {
    /// `summary(of:)` in `language`: "content/data/villages.csv（数据）", "3 个文件：页面 2、数据 1".
    public static func summary(of paths: [String], in language: MessageLanguage) -> String {
        guard language == .chinese else { return summary(of: paths) }
        let unique = Array(Set(paths)).sorted()
        switch unique.count {
        case 0: return "无改动"
        case 1: return "\(unique[0])（\(kind(of: unique[0]).chineseName)）"
        default:
            let parts = counts(of: unique).map { "\($0.kind.chineseName) \($0.count)" }
            return "\(unique.count) 个文件：" + parts.joined(separator: "、")
        }
    }

    /// A build's `sourceChanges` ("changed a.md; added b.md and 2 more", "full build") in `language`.
    public static func describe(sourceChanges: String, in language: MessageLanguage) -> String {
        guard language == .chinese else { return sourceChanges }
        switch sourceChanges {
        case "full build": return "完整生成"
        case "no source changed": return "源文件没有改动"
        default:
            return sourceChanges.split(separator: "; ").map { part in
                var text = String(part)
                for (english, chinese) in [("changed ", "改动 "), ("added ", "新增 "), ("removed ", "删除 ")] where text.hasPrefix(english) {
                    text = chinese + text.dropFirst(english.count)
                }
                if let range = text.range(of: " and ", options: .backwards), text.hasSuffix(" more") {
                    let count = text[range.upperBound...].dropLast(" more".count)
                    text = text[..<range.lowerBound] + " 等另外 \(count) 个"
                }
                return text.replacingOccurrences(of: ", ", with: "、")
            }.joined(separator: "；")
        }
    }
}
