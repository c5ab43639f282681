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
        var pages: [Page] = []
        for pagePath in SourceFile.list(in: pagesFolder, extensions: ["md"]) {
            let sourcePath = "content/pages/" + pagePath
            let text: String
            switch SourceFile.readText(pagesFolder.appendingPathComponent(pagePath), path: sourcePath, limit: config?.maxMarkdownBytes ?? SafetyLimits.maxMarkdownBytes) {
            case .success(let read):
                text = read
                // Front matter and body alike: a bidi override hides in either.
                diagnostics += TextSafety.scan(text.utf8, path: sourcePath)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            let split: FrontMatter.Split
            switch FrontMatter.split(text, path: sourcePath) {
            case .success(let result): split = result
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
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
            if frontMatter.draft { continue }
            pages.append(Page(
                sourcePath: sourcePath, pagePath: pagePath,
                outputPath: Page.outputPath(forPagePath: pagePath, slug: frontMatter.slug),
                frontMatter: frontMatter, body: String(split.body), bodyLineOffset: split.bodyLineOffset))
        }

        var staticFiles: [String: String] = [:]
        for path in SourceFile.list(in: root.appendingPathComponent("content/static")) {
            staticFiles[path] = "content/static/" + path
        }

        guard let config else { return (nil, diagnostics) }
        return (SiteContent(config: config, pages: pages, staticFiles: staticFiles), diagnostics)
    }
}
