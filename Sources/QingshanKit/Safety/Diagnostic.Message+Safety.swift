/// Messages about hostile or broken input: limits, pathological shapes, unsafe text and URLs.
extension Diagnostic.Message {
    static func fileTooLarge(bytes: Int, limit: Int) -> Self {
        .init(
            id: "file-too-large",
            text: "file is \(bytes) bytes; the limit is \(limit) bytes\(limit >= 1 << 20 ? " (\(limit >> 20) MiB)" : "") (`limits:` in site.yaml)",
            zh: "文件有 \(bytes) 字节，超过上限 \(limit) 字节\(limit >= 1 << 20 ? "（\(limit >> 20) MiB）" : "")；请拆分文件，或在 site.yaml 的 `limits:` 中调高上限")
    }
    static func markdownManyImageOpeners(count: Int) -> Self {
        .init(
            id: "markdown-many-image-openers",
            text:
                "too many unclosed image openers '![' (\(count) in this block; at most \(SafetyLimits.maxImageOpenersPerBlock) per block, fewer after blocks with many); refused because the Markdown library would take minutes",
            zh: "这一段中有 \(count) 个未闭合的图片标记“![”（每段最多 \(SafetyLimits.maxImageOpenersPerBlock) 个）；处理它会耗时数分钟，因此拒绝。请补全或删除这些标记"
        )
    }
    static func markdownDeepQuoteEmphasis(depth: Int, delimiters: Int) -> Self {
        .init(
            id: "markdown-deep-quote-emphasis",
            text: "block quote \(depth) levels deep with \(delimiters) emphasis marks in one block; refused because the Markdown library would take minutes",
            zh: "引用嵌套 \(depth) 层，同一段中有 \(delimiters) 个强调标记；处理它会耗时数分钟，因此拒绝。请减少引用层级或强调标记")
    }
    static func markdownDeepListBlankLines(depth: Int) -> Self {
        .init(
            id: "markdown-deep-list-blank-lines",
            text: "list or quote \(depth) levels deep followed by too many blank lines; refused because the Markdown library would take minutes",
            zh: "列表或引用嵌套 \(depth) 层，后面又有过多空行；处理它会耗时数分钟，因此拒绝。请减少嵌套层级或删除多余空行")
    }
    static func bidiControl(_ name: String) -> Self {
        .init(
            id: "bidi-control",
            text: "invisible bidirectional control \(name) can make text read differently from what it is (\"Trojan Source\"); remove it",
            zh: "这里有看不见的双向控制字符 \(name)，它会让文字显示得与实际内容不同；请删除它")
    }
    static func controlCharacter(_ code: String) -> Self {
        .init(
            id: "control-character", text: "control character \(code) in text; it is invisible and invalid in HTML",
            zh: "文字中有控制字符 \(code)：它看不见，在网页中也无效；请删除它")
    }
    static func unsafeURL(key: String, value: String) -> Self {
        .init(
            id: "unsafe-url", text: "'\(key)' is '\(value)'; a URL must be http:, https:, mailto:, tel: or a relative path",
            zh: "“\(key)”的值是“\(value)”；网址只能以 http:、https:、mailto:、tel: 开头，或是相对路径")
    }
    static func yamlTooDeep(depth: Int, limit: Int) -> Self {
        .init(
            id: "yaml-too-deep", text: "nesting reaches \(depth) levels here; the limit is \(limit)",
            zh: "这里嵌套达到 \(depth) 层，上限为 \(limit) 层；请减少层级")
    }
}
