import Foundation

/// The Chinese of a diagnostic's notes (the hints under it). Notes are plain English
/// strings at their call sites, so they are translated by pattern here, in one place;
/// `MessageCatalogueTests` checks that every note written in the library matches one.
/// A note no pattern matches is shown in English.
extension Diagnostic {
    /// The notes in `language`.
    public func notes(in language: MessageLanguage) -> [String] {
        language == .chinese ? notes.map(Self.chineseNote) : notes
    }

    /// `note` in Chinese, or `note` itself when no pattern matches.
    static func chineseNote(_ note: String) -> String {
        let range = NSRange(note.startIndex..., in: note)
        for (pattern, template) in noteTranslations {
            if let match = pattern.firstMatch(in: note, range: range) {
                return pattern.replacementString(for: match, in: note, offset: 0, template: template)
            }
        }
        return note
    }

    /// (English, whole note; Chinese template with `$1`…). Order matters only where two
    /// patterns could both match; none do.
    private static let noteTranslations: [(NSRegularExpression, String)] = [
        (#"split the page into several pages"#, "请把这个页面拆分成几个页面"),
        (
            #"libcmark (.+) \(older than 0\.31\.0\) takes quadratic time on this shape \((.+)\); upgrade libcmark or rewrite the block"#,
            "libcmark $1（低于 0.31.0）处理这种写法会非常慢（$2）；请升级 libcmark 或改写这一段"
        ),
        (
            #"a spreadsheet or word processor may have added it; retype the text around this position"#,
            "可能是表格或文字处理软件自动加入的；请重新输入这个位置前后的文字"
        ),
        (#"found in the output at (.+)"#, "在生成的网站中位于 $1"),
        (#"options of a `(.+)` block: (.*)"#, "`$1` 数据块可用的选项：$2"),
        (#"keys of `(.+)`: (.*)"#, "`$1` 可用的键：$2"),
        (#"a column takes `field`, `title` and `format`"#, "每一列可以写 `field`、`title` 和 `format`"),
        (#"data views: (.*)"#, "可用的数据视图：$1"),
        (#"datasets: (.*)"#, "现有的数据表：$1"),
        (#"fields of `(.+)`: (.*)"#, "`$1` 的字段：$2"),
        (#"columns of this grouped table: (.*)"#, "分组后表格的列：$1"),
        (#"sortable columns: (.*)"#, "可用于排序的列：$1"),
        (#"a chart sorts by its `x` field or its value"#, "图表只能按 `x` 字段或数值排序"),
        (#"start the file with front matter:(\n[\s\S]*)"#, "请在文件开头写上字段：$1"),
        (#"did you forget the closing `---` line after the fields\?"#, "是否忘了在字段之后写一行 `---`？"),
        (#"a licence needs `name` \(e\.g\. CC-BY-4\.0\) or `path` \(its URL\)"#, "许可协议需要写 `name`（如 CC-BY-4.0）或 `path`（许可协议的网址）"),
        (#"give `page: goals\.md` \(a file under content/pages\) or `url: …`"#, "请写 `page: goals.md`（content/pages 下的文件）或 `url: …`"),
        (#"say why publishing it is lawful, e\.g\. the person agreed"#, "请写明公开的合法依据，例如本人已书面同意"),
        (
            #"if this must be published, allow the file or column under `personalData\.allow` in site\.yaml, with a reason"#,
            "确需公开的，请在 site.yaml 的 `personalData.allow` 中允许该文件或列，并写明理由"
        ),
        (#"deeply nested data is refused before parsing so it cannot exhaust the stack; flatten it"#, "嵌套过深的数据在读取前即被拒绝；请减少嵌套层级"),
        (#"YAML indents with spaces; replace the tab characters"#, "YAML 只能用空格缩进；请把 Tab 换成空格"),
        (#"the position is the key's first appearance; keys in one record must be unique"#, "位置指向该键第一次出现处；同一记录中的键不能重复"),
        (#"'(.+)' and '(.+)' would both be dataset '(.+)'; keep one of them"#, "“$1”和“$2”都会成为数据表“$3”；请只保留其中一个"),
        (#"first seen at (.+)"#, "第一次出现在 $1"),
        (#"'([\s\S]*)' is read as one column name; did you mean '([\s\S]*)'\?"#, "“$1”会被读作一个列名；是否应为“$2”？"),
        (#"the previous site in (.+) is unchanged"#, "$1 中原有的网站保持不变"),
        (#"the lock is (.+); it is released when that build ends"#, "锁文件为 $1；那次生成结束后自动释放"),
        (
            #"format the column as Text in Excel \(or start the cell with an apostrophe\) and enter the full code again"#,
            "在 Excel 中把该列设为“文本”格式（或在单元格开头加英文单引号），再重新输入完整代码"
        ),
    ].map { pattern, template in
        // Anchored: a pattern translates a whole note or nothing.
        (try! NSRegularExpression(pattern: "^" + pattern + "$"), template)
    }
}
