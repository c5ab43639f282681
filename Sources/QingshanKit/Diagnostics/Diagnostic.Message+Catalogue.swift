/// The messages of the core pipeline: configuration, pages, Markdown, templates, output.
/// Other areas keep their own catalogue file beside their code.
extension Diagnostic.Message {
    // MARK: YAML

    static func wrongType(key: String, expected: String, found: String) -> Self {
        .init(
            id: "wrong-type", text: "'\(key)' must be \(expected), not \(found)",
            zh: "“\(key)”应为\(zhPhrase(expected))，而不是\(zhPhrase(found))")
    }
    static func unknownKey(_ key: String, known: [String]) -> Self {
        .init(
            id: "unknown-key", text: "unknown key '\(key)' (known: \(known.joined(separator: ", ")))",
            zh: "无法识别的键“\(key)”；可用的键：\(known.joined(separator: "、"))（是否拼错了？）")
    }
    static func missingKey(_ key: String) -> Self {
        .init(id: "missing-key", text: "missing required key '\(key)'", zh: "缺少必填的键“\(key)”")
    }
    static func invalidValue(key: String, value: String, expected: String) -> Self {
        .init(
            id: "invalid-value", text: "'\(key)' is '\(value)'; expected \(expected)",
            zh: "“\(key)”的值是“\(value)”；应为\(zhPhrase(expected))")
    }

    // MARK: Site

    static let missingSiteConfig = Self(
        id: "missing-site-config", text: "no content/site.yaml: is --root the folder that holds content/ and site-templates/?",
        zh: "找不到 content/site.yaml：请在网站文件夹（含 content/ 的那个文件夹）中运行，或用 --root 指定它")

    /// A navigation entry's `path:` is no output of the build.
    static func unknownNavigationOutput(_ path: String) -> Self {
        .init(
            id: "unknown-navigation-output",
            text: "navigation points at '\(path)', which the build does not write (generated pages: changes/index.html, data/index.html)",
            zh: "导航指向的“\(path)”不是构建生成的页面（可用：changes/index.html、data/index.html）")
    }

    static func unknownNavigationTarget(_ target: String) -> Self {
        .init(
            id: "unknown-navigation-target", text: "navigation points at '\(target)', which is not a page under content/pages",
            zh: "导航指向“\(target)”，但 content/pages 下没有这个页面；请检查文件名")
    }

    // MARK: Files

    static func unreadableFile(_ reason: String) -> Self {
        .init(id: "unreadable-file", text: "cannot read file: \(reason)", zh: "无法读取文件：\(reason)")
    }
    static let invalidUTF8 = Self(
        id: "invalid-utf8", text: "invalid UTF-8 byte sequence; save the file as UTF-8",
        zh: "文件不是有效的 UTF-8 编码；请在编辑器中“另存为”UTF-8 编码")
    static let nulByte = Self(
        id: "nul-byte", text: "NUL byte in a text file", zh: "文本文件中有空字节（NUL），文件可能已损坏或不是文本文件")

    // MARK: Pages

    static let frontMatterNotClosed = Self(
        id: "front-matter-not-closed", text: "front matter is not closed",
        zh: "页面开头的字段区没有结束：请在字段之后加一行 ---")
    static let frontMatterNotMapping = Self(
        id: "front-matter-not-mapping", text: "front matter must be a YAML mapping of fields (title: …)",
        zh: "页面开头的字段区应为“字段: 值”的形式（例如 title: 页面标题）")
    static func invalidDate(key: String, value: String) -> Self {
        .init(
            id: "invalid-date",
            text: "'\(key)' is '\(value)'; expected a date as YYYY-MM-DD (e.g. 2021-03-05), or YYYY-MM when only the month is known",
            zh: "“\(key)”的值是“\(value)”；日期请写成 年-月-日，例如 2021-03-05；只知道月份时写 2021-03")
    }
    static func invalidSlug(_ slug: String) -> Self {
        .init(
            id: "invalid-slug", text: "slug '\(slug)' must be one path segment of letters, digits, '-' or '_' (no '/', '..' or spaces)",
            zh: "slug“\(slug)”只能由字母、数字、“-”或“_”组成，不能含“/”、“..”或空格")
    }
    static func outputCollision(_ output: String, other: String) -> Self {
        .init(
            id: "output-collision", text: "this page would be written to '\(output)', as would \(other)",
            zh: "本页会生成为“\(output)”，与 \(other) 相同；请修改其中一个的文件名或 slug")
    }
    static func sectionWithoutIndex(_ folder: String) -> Self {
        .init(
            id: "section-without-index", text: "folder '\(folder)' has pages but no index.md; it gets no section page",
            zh: "文件夹“\(folder)”中有页面，但没有 index.md，因此没有栏目首页；请添加 index.md")
    }

    // MARK: Datasets

    static func datasetEncoding(_ encoding: String) -> Self {
        .init(id: "data-encoding", text: "read as \(encoding)", zh: "按 \(encoding) 编码读取")
    }

    // MARK: Collections

    static func unknownCollectionDataset(_ name: String) -> Self {
        .init(
            id: "unknown-collection-dataset", text: "collection reads dataset '\(name)', which is not in content/data",
            zh: "collections 读取数据表“\(name)”，但 content/data 中没有它")
    }
    static func unknownCollectionField(_ name: String, dataset: String) -> Self {
        .init(
            id: "unknown-collection-field", text: "'{\(name)}' is not a field of dataset '\(dataset)'",
            zh: "“{\(name)}”不是数据表“\(dataset)”的字段")
    }
    static func invalidCollectionPath(_ value: String, field: String) -> Self {
        .init(
            id: "invalid-collection-path", text: "value '\(value)' of '\(field)' cannot be part of a path (empty, '/', '..' or a leading '.')",
            zh: "字段“\(field)”的值“\(value)”不能用作路径（为空、含“/”或“..”、或以“.”开头）")
    }
    static func collectionPathCollision(_ output: String, other: String) -> Self {
        .init(
            id: "collection-path-collision", text: "this row maps to '\(output)', as does \(other)",
            zh: "这一行会生成“\(output)”，与 \(other) 相同；请检查是否有重复的行")
    }

    // MARK: Links

    static func brokenPageLink(_ target: String) -> Self {
        .init(
            id: "broken-link", text: "link to '\(target)', which is not a page under content/pages",
            zh: "链接指向“\(target)”，但 content/pages 下没有这个页面；请检查文件名")
    }
    static func brokenSiteLink(_ target: String) -> Self {
        .init(
            id: "broken-link", text: "link to '\(target)', which is neither a page nor a static file of the site",
            zh: "链接指向“\(target)”，但网站中既没有这个页面，也没有这个文件")
    }

    // MARK: Templates

    static func missingTemplateFolder(_ theme: String) -> Self {
        .init(
            id: "missing-theme", text: "theme '\(theme)' not found: no folder site-templates/\(theme)/layouts",
            zh: "找不到主题“\(theme)”：没有 site-templates/\(theme)/layouts 文件夹")
    }
    static func templateSyntax(_ problem: String) -> Self {
        .init(id: "template-syntax", text: "template syntax error: \(problem)", zh: "模板语法错误：\(problem)")
    }
    static func unknownLayout(_ layout: String, known: [String]) -> Self {
        .init(
            id: "unknown-layout", text: "no layout '\(layout)' in the theme (layouts: \(known.joined(separator: ", ")))",
            zh: "主题中没有版式“\(layout)”；可用的版式：\(known.joined(separator: "、"))")
    }
    static func missingPartial(_ name: String) -> Self {
        .init(
            id: "missing-partial", text: "partial '\(name)' not found in partials/",
            zh: "partials/ 中找不到局部模板“\(name)”")
    }
    static func partialTooDeep(layout: String, limit: Int) -> Self {
        .init(
            id: "partial-too-deep",
            text: "layout '\(layout)' nests partials more than \(limit) deep (a partial that includes itself with no section to stop it?)",
            zh: "版式“\(layout)”中局部模板嵌套超过 \(limit) 层（是否有局部模板引用了自己？）")
    }

    // MARK: Output

    static let symlinkLeavesSite = Self(
        id: "symlink-leaves-site", text: "symbolic link to a file outside the site root; copy the file into the site instead",
        zh: "符号链接指向网站文件夹之外的文件；请把文件复制到网站文件夹中")
    static func outputsCollide(_ path: String, other: String) -> Self {
        .init(
            id: "output-case-collision",
            text: "output '\(path)' differs from '\(other)' only by letter case or Unicode normalisation; they would overwrite each other on Windows and macOS",
            zh: "生成的“\(path)”与“\(other)”只有大小写（或字符编码形式）不同，在 Windows 和 macOS 上会相互覆盖；请改名")
    }
    static func reservedOutputName(_ path: String, reason: String) -> Self {
        .init(
            id: "reserved-output-name",
            text: "output path '\(path)' \(reason), which Windows cannot store (the site must open from any USB stick)",
            zh: "生成的路径“\(path)”（\(reason)）无法保存在 Windows 上，网站须能从任何 U 盘打开；请改名")
    }
    static func outputInsideSource(_ output: String) -> Self {
        .init(
            id: "output-inside-source",
            text: "output folder '\(output)' would overlap the site's sources; choose a folder outside content/ and site-templates/",
            zh: "输出文件夹“\(output)”与网站源文件重叠；请选择 content/ 和 site-templates/ 之外的文件夹")
    }
    static let buildInProgress = Self(
        id: "build-in-progress", text: "another qingshan build is writing this site's output right now; run again when it has finished",
        zh: "另一个 qingshan 正在写入本网站的输出；请等它完成后再运行")
    static func outputWriteFailed(_ reason: String) -> Self {
        .init(id: "output-write-failed", text: "cannot write output: \(reason)", zh: "无法写入输出：\(reason)")
    }
}
