import Foundation

/// Everything read from `content/`: configuration, pages and static files.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Published pages (drafts left out), sorted by page path.
    public var pages: [Page]
    /// Static files: output path → source path relative to the site root.
    public var staticFiles: [String: String]
    /// Every page file's parsed front matter, for the next build's cache.
    var parsedPages: [String: ParsedPage] = [:]
}

/// Reads `content/` of a site root, collecting every problem.
enum ContentLoader {
    /// - Parameter parsed: front matter parsed by the previous build, reused for files
    ///   whose text is unchanged.
    static func load(root: URL, parsed: [String: ParsedPage] = [:]) -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configURL = root.appendingPathComponent(SiteConfig.path)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            return (nil, [.error(.missingSiteConfig, at: nil)])
        }
        var config: SiteConfig?
        switch SourceFile.readText(configURL, path: SiteConfig.path) {
        case .success(let text):
            diagnostics += TextSafety.scan(text.utf8, path: SiteConfig.path)
            let parsed = SiteConfig.parse(text)
            config = parsed.config
            diagnostics += parsed.diagnostics
            if let parsedConfig = parsed.config { diagnostics += URLSafety.check(parsedConfig) }
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }

        let pagesFolder = root.appendingPathComponent("content/pages")
        let limit = config?.maxMarkdownBytes ?? SafetyLimits.maxMarkdownBytes
        let pagePaths = SourceFile.list(in: pagesFolder, extensions: ["md"])
        // Each page is read and its front matter parsed on its own, on all cores; the
        // results are collected in file order, so the outcome does not depend on timing.
        let loaded = ResultSlots<(page: Page?, diagnostics: [Diagnostic], parsed: ParsedPage?)>(count: pagePaths.count)
        let pagesFolderPath = pagesFolder.standardizedFileURL.path
        DispatchQueue.concurrentPerform(iterations: pagePaths.count) { index in
            loaded[index] = loadPage(pagePaths[index], in: pagesFolderPath, limit: limit, previous: parsed["content/pages/" + pagePaths[index]])
        }
        var pages: [Page] = []
        var parsedPages: [String: ParsedPage] = [:]
        for (index, result) in loaded.values.enumerated() {
            diagnostics += result.diagnostics
            if let page = result.page { pages.append(page) }
            if let parsed = result.parsed { parsedPages["content/pages/" + pagePaths[index]] = parsed }
        }

        var staticFiles: [String: String] = [:]
        for path in SourceFile.list(in: root.appendingPathComponent("content/static")) {
            staticFiles[path] = "content/static/" + path
        }

        guard let config else { return (nil, diagnostics) }
        var content = SiteContent(config: config, pages: pages, staticFiles: staticFiles)
        content.parsedPages = parsedPages
        return (content, diagnostics)
    }

    /// One page file: read, checked, split and its front matter parsed. `nil` for a draft
    /// or a file that could not be read.
    private static func loadPage(
        _ pagePath: String, in pagesFolder: String, limit: Int, previous: ParsedPage?
    ) -> (page: Page?, diagnostics: [Diagnostic], parsed: ParsedPage?) {
        let sourcePath = "content/pages/" + pagePath
        var diagnostics: [Diagnostic] = []
        let text: String
        switch SourceFile.readText(atPath: pagesFolder + "/" + pagePath, path: sourcePath, limit: limit) {
        case .success(let read): text = read
        case .failure(let diagnostic): return (nil, [diagnostic], nil)
        }
        let split: FrontMatter.Split
        switch FrontMatter.split(text, path: sourcePath) {
        case .success(let result): split = result
        case .failure(let diagnostic): return (nil, TextSafety.scan(text.utf8, path: sourcePath) + [diagnostic], nil)
        }
        var hash = StableHash()
        hash.combine(text)
        var frontMatter = FrontMatter()
        let body = String(split.body)
        var personalData: [PersonalDataFinding]?
        if let previous, previous.textHash == hash.value {
            // The same text as last time: the same front matter and the same findings.
            frontMatter = previous.frontMatter
            diagnostics = previous.diagnostics
            personalData = previous.personalData
        } else if let yaml = split.yaml {
            // Front matter and body alike: a bidi override hides in either.
            diagnostics += TextSafety.scan(text.utf8, path: sourcePath)
            let parsed = FrontMatter.parse(yaml, path: sourcePath)
            frontMatter = parsed.0
            diagnostics += parsed.1
        } else {
            diagnostics += TextSafety.scan(text.utf8, path: sourcePath)
            diagnostics.append(.error(.missingKey("title"), at: SourceLocation(path: sourcePath, line: 1, column: 1),
                                      notes: ["start the file with front matter:\n---\ntitle: 页面标题\n---"]))
        }
        // Personal data in the body is looked for once per text (drafts are not published).
        let findings = personalData ?? (frontMatter.draft ? [] : PersonalDataScanner.scan(body, path: sourcePath, lineOffset: split.bodyLineOffset))
        let parsed = ParsedPage(textHash: hash.value, frontMatter: frontMatter, diagnostics: diagnostics, personalData: findings)
        if frontMatter.draft { return (nil, diagnostics, parsed) }
        let page = Page(
            sourcePath: sourcePath, pagePath: pagePath,
            outputPath: Page.outputPath(forPagePath: pagePath, slug: frontMatter.slug),
            frontMatter: frontMatter, body: body, bodyLineOffset: split.bodyLineOffset)
        return (page, diagnostics, parsed)
    }
}
