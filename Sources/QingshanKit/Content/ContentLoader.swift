import Foundation

/// Everything read from `content/`: configuration, pages and static files.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Published pages (drafts left out), sorted by page path.
    public var pages: [Page]
    /// Static files: output path → source path relative to the site root.
    public var staticFiles: [String: String]
}

/// Reads `content/` of a site root, collecting every problem.
enum ContentLoader {
    static func load(root: URL) -> (SiteContent?, [Diagnostic]) {
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
        let loaded = ResultSlots<(page: Page?, diagnostics: [Diagnostic])>(count: pagePaths.count)
        DispatchQueue.concurrentPerform(iterations: pagePaths.count) { index in
            loaded[index] = loadPage(pagePaths[index], in: pagesFolder, limit: limit)
        }
        var pages: [Page] = []
        for result in loaded.values {
            diagnostics += result.diagnostics
            if let page = result.page { pages.append(page) }
        }

        var staticFiles: [String: String] = [:]
        for path in SourceFile.list(in: root.appendingPathComponent("content/static")) {
            staticFiles[path] = "content/static/" + path
        }

        guard let config else { return (nil, diagnostics) }
        return (SiteContent(config: config, pages: pages, staticFiles: staticFiles), diagnostics)
    }

    /// One page file: read, checked, split and its front matter parsed. `nil` for a draft
    /// or a file that could not be read.
    private static func loadPage(_ pagePath: String, in pagesFolder: URL, limit: Int) -> (page: Page?, diagnostics: [Diagnostic]) {
        let sourcePath = "content/pages/" + pagePath
        var diagnostics: [Diagnostic] = []
        let text: String
        switch SourceFile.readText(pagesFolder.appendingPathComponent(pagePath), path: sourcePath, limit: limit) {
        case .success(let read):
            text = read
            // Front matter and body alike: a bidi override hides in either.
            diagnostics += TextSafety.scan(text.utf8, path: sourcePath)
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        }
        let split: FrontMatter.Split
        switch FrontMatter.split(text, path: sourcePath) {
        case .success(let result): split = result
        case .failure(let diagnostic): return (nil, diagnostics + [diagnostic])
        }
        var frontMatter = FrontMatter()
        if let yaml = split.yaml {
            let parsed = FrontMatter.parse(yaml, path: sourcePath)
            frontMatter = parsed.0
            diagnostics += parsed.1
        } else {
            diagnostics.append(.error(.missingKey("title"), at: SourceLocation(path: sourcePath, line: 1, column: 1),
                                      notes: ["start the file with front matter:\n---\ntitle: 页面标题\n---"]))
        }
        if frontMatter.draft { return (nil, diagnostics) }
        let page = Page(
            sourcePath: sourcePath, pagePath: pagePath,
            outputPath: Page.outputPath(forPagePath: pagePath, slug: frontMatter.slug),
            frontMatter: frontMatter, body: String(split.body), bodyLineOffset: split.bodyLineOffset)
        return (page, diagnostics)
    }
}
