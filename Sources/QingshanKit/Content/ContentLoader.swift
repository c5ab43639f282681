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
    /// Source paths of pages made from the cache without reading their file: their
    /// `body` is empty until `ContentLoader.readBody` fills it for rendering.
    var unreadBodies: Set<String> = []
    /// The text of `site.yaml` as read, for the render keys (read once, here).
    var configText = ""
}

/// Reads `content/` of a site root, collecting every problem.
enum ContentLoader {
    /// - Parameter parsed: front matter parsed by the previous build, reused for files
    ///   whose text is unchanged.
    /// - Parameter unchanged: page files (source path → size) whose stamps say they are as
    ///   the previous build read them: with an entry in `parsed`, they are not read at all.
    /// - Parameter configRead: `site.yaml` as `readConfig` read it, when the caller did.
    static func load(
        root: URL, parsed: [String: ParsedPage] = [:], unchanged: [String: Int] = [:], configRead: ConfigRead? = nil
    ) -> (SiteContent?, [Diagnostic]) {
        let read = configRead ?? readConfig(root: root)
        guard read.exists else { return (nil, read.diagnostics) }
        var diagnostics = read.diagnostics
        let config = read.config
        let configText = read.text

        let pagesFolder = root.appendingPathComponent("content/pages")
        let limit = config?.maxMarkdownBytes ?? SafetyLimits.maxMarkdownBytes
        let pageListing = SourceListing(folder: pagesFolder, extensions: ["md"])
        diagnostics += pageListing.diagnostics(folder: "content/pages")
        let pagePaths = pageListing.paths
        // Each page is read and its front matter parsed on its own, on all cores; the
        // results are collected in file order, so the outcome does not depend on timing.
        let loaded = ResultSlots<(page: Page?, diagnostics: [Diagnostic], parsed: ParsedPage?)>(count: pagePaths.count)
        let pagesFolderPath = pagesFolder.standardizedFileURL.path
        let unreadBodies = Set(
            pagePaths.map { "content/pages/" + $0 }.filter { sourcePath in
                // A file now over the limit is read, to be refused as it would be otherwise.
                unchanged[sourcePath].map { $0 <= limit } == true && parsed[sourcePath] != nil
            })
        DispatchQueue.concurrentPerform(iterations: pagePaths.count) { index in
            let sourcePath = "content/pages/" + pagePaths[index]
            if unreadBodies.contains(sourcePath), let previous = parsed[sourcePath] {
                loaded[index] = (previous.frontMatter.draft ? nil : page(pagePaths[index], parsed: previous, body: ""), previous.diagnostics, previous)
            } else {
                loaded[index] = loadPage(pagePaths[index], in: pagesFolderPath, limit: limit, previous: parsed[sourcePath])
            }
        }
        var pages: [Page] = []
        var parsedPages: [String: ParsedPage] = [:]
        for (index, result) in loaded.values.enumerated() {
            diagnostics += result.diagnostics
            if let page = result.page { pages.append(page) }
            if let parsed = result.parsed { parsedPages["content/pages/" + pagePaths[index]] = parsed }
        }

        var staticFiles: [String: String] = [:]
        let staticListing = SourceListing(folder: root.appendingPathComponent("content/static"))
        diagnostics += staticListing.diagnostics(folder: "content/static")
        for path in staticListing.paths {
            staticFiles[path] = "content/static/" + path
        }

        guard let config else { return (nil, diagnostics) }
        var content = SiteContent(config: config, pages: pages, staticFiles: staticFiles)
        content.parsedPages = parsedPages
        content.unreadBodies = unreadBodies
        content.configText = configText
        return (content, diagnostics)
    }

    /// `site.yaml` read, checked and parsed.
    struct ConfigRead: Sendable {
        /// Whether the file exists (without it there is no site).
        var exists: Bool
        var config: SiteConfig?
        var text = ""
        var diagnostics: [Diagnostic] = []
    }

    /// Reads `site.yaml` of the site at `root`: what the theme and the datasets need
    /// before the pages are loaded.
    static func readConfig(root: URL) -> ConfigRead {
        let configURL = root.appendingPathComponent(SiteConfig.path)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            return ConfigRead(exists: false, diagnostics: [.error(.missingSiteConfig, at: nil)])
        }
        var read = ConfigRead(exists: true)
        switch SourceFile.readText(configURL, path: SiteConfig.path) {
        case .success(let text):
            read.diagnostics += TextSafety.scan(text.utf8, path: SiteConfig.path)
            read.text = text
            let parsed = SiteConfig.parse(text)
            read.config = parsed.config
            read.diagnostics += parsed.diagnostics
            if let parsedConfig = parsed.config { read.diagnostics += URLSafety.check(parsedConfig) }
        case .failure(let diagnostic):
            read.diagnostics.append(diagnostic)
        }
        return read
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
            diagnostics.append(
                .error(
                    .missingKey("title"), at: SourceLocation(path: sourcePath, line: 1, column: 1),
                    notes: ["start the file with front matter:\n---\ntitle: 页面标题\n---"]))
        }
        // Personal data in the body is looked for once per text (drafts are not published).
        let findings = personalData ?? (frontMatter.draft ? [] : PersonalDataScanner.scan(body, path: sourcePath, lineOffset: split.bodyLineOffset))
        let parsed = ParsedPage(
            textHash: hash.value, frontMatter: frontMatter, diagnostics: diagnostics, personalData: findings, bodyLineOffset: split.bodyLineOffset)
        if frontMatter.draft { return (nil, diagnostics, parsed) }
        return (page(pagePath, parsed: parsed, body: body), diagnostics, parsed)
    }

    private static func page(_ pagePath: String, parsed: ParsedPage, body: String) -> Page {
        Page(
            sourcePath: "content/pages/" + pagePath, pagePath: pagePath,
            outputPath: Page.outputPath(forPagePath: pagePath, slug: parsed.frontMatter.slug),
            frontMatter: parsed.frontMatter, body: body, bodyLineOffset: parsed.bodyLineOffset)
    }

    /// The body of a page made without reading its file, read now that it is rendered;
    /// `nil` when the file's text is no longer the one `parsed` describes.
    static func readBody(of page: Page, root: URL, parsed: ParsedPage) -> String? {
        let path = root.standardizedFileURL.path + "/" + page.sourcePath
        guard case .success(let text) = SourceFile.readText(atPath: path, path: page.sourcePath),
            case .success(let split) = FrontMatter.split(text, path: page.sourcePath)
        else { return nil }
        var hash = StableHash()
        hash.combine(text)
        guard hash.value == parsed.textHash, split.bodyLineOffset == parsed.bodyLineOffset else { return nil }
        return String(split.body)
    }
}
