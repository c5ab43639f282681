public import Foundation
import Mustache

/// What a build produced: every output file in memory, and every diagnostic.
public struct BuildResult: Sendable {
    /// Output path (relative to the output folder) → bytes. Empty when the build failed.
    public var files: [String: Data]
    public var diagnostics: Diagnostics
    /// How many pages were rendered from Markdown and templates.
    public var renderedPageCount: Int

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline: read → validate (collecting every diagnostic) → site model → render.
/// Nothing is written here; `OutputWriter` writes a successful result.
public struct SiteBuilder: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func build() -> BuildResult {
        var diagnostics = Diagnostics()
        let (loaded, contentDiagnostics) = ContentLoader.load(root: root)
        diagnostics.append(contentsOf: contentDiagnostics)
        guard let content = loaded else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }
        let config = content.config

        let (loadedTheme, themeDiagnostics) = Theme.load(root: root, name: config.theme)
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let theme = loadedTheme else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }

        let (datasets, dataDiagnostics) = DatasetLoader.load(dataFolder: root.appendingPathComponent("content/data"), root: root)
        diagnostics.append(contentsOf: dataDiagnostics)

        // Outputs besides pages, checked for collisions with pages below.
        var otherSources: [String: String] = content.staticFiles
        for (output, source) in theme.assets {
            if let existing = otherSources[output] {
                diagnostics.warning(.outputCollision(output, other: existing), at: SourceLocation(path: source))
            }
            otherSources[output] = source
        }
        let model = SiteModel(config: config, pages: content.pages, otherOutputs: Set(otherSources.keys))
        diagnostics.append(contentsOf: validate(model: model, theme: theme, otherSources: otherSources))

        let pages = render(model: model, theme: theme, datasets: datasets)
        for page in pages { diagnostics.append(contentsOf: page.diagnostics) }
        guard !diagnostics.hasErrors else { return BuildResult(files: [:], diagnostics: diagnostics, renderedPageCount: 0) }

        var files: [String: Data] = [:]
        for (output, source) in otherSources {
            do {
                files[output] = try Data(contentsOf: root.appendingPathComponent(source))
            } catch {
                diagnostics.error(.unreadableFile(error.localizedDescription), at: SourceLocation(path: source))
            }
        }
        for (index, page) in model.pages.enumerated() {
            files[page.outputPath] = Data(pages[index].html.utf8)
        }
        return BuildResult(files: diagnostics.hasErrors ? [:] : files, diagnostics: diagnostics, renderedPageCount: pages.count)
    }

    /// Problems visible before rendering: output collisions, navigation, layouts.
    private func validate(model: SiteModel, theme: Theme, otherSources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = otherSources
        for page in model.pages {
            if let other = owners[page.outputPath] {
                diagnostics.append(.error(.outputCollision(page.outputPath, other: other), at: SourceLocation(path: page.sourcePath, line: 1, column: 1)))
            } else {
                owners[page.outputPath] = page.sourcePath
            }
            let layout = PageContext(model: model, page: page, markdown: RenderedMarkdown(html: "", headings: []), shared: [:], perDepth: [:]).layoutName
            if !theme.layouts.contains(layout) {
                let location = page.frontMatter.layout != nil
                    ? SourceLocation(path: page.sourcePath, line: 2, column: 1)
                    : SourceLocation(path: page.sourcePath, line: 1, column: 1)
                diagnostics.append(.error(.unknownLayout(layout, known: theme.layouts), at: layoutLocation(page) ?? location))
            }
        }
        for folder in Set(model.pages.map(\.folder)) where !folder.isEmpty && model.sectionIndexByFolder[folder] == nil {
            diagnostics.append(.warning(.sectionWithoutIndex("content/pages/" + folder), at: SourceLocation(path: "content/pages/" + folder)))
        }
        for item in model.config.navigation {
            if case .page(let path) = item.target, model.pageIndexByPath[path] == nil {
                diagnostics.append(.error(.unknownNavigationTarget(path), at: item.location))
            }
        }
        return diagnostics
    }

    /// The line of `layout:` in the page's front matter, found by scanning the file's head.
    private func layoutLocation(_ page: Page) -> SourceLocation? {
        guard page.frontMatter.layout != nil,
              let text = try? String(contentsOf: root.appendingPathComponent(page.sourcePath), encoding: .utf8) else { return nil }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(page.bodyLineOffset).enumerated()
        where line.hasPrefix("layout:") {
            let valueStart = line.dropFirst("layout:".count).prefix { $0 == " " }.count + "layout:".count
            return SourceLocation(path: page.sourcePath, line: number + 1, column: valueStart + 1)
        }
        return nil
    }

    struct RenderedPage: Sendable {
        var html: String = ""
        var diagnostics: [Diagnostic] = []
    }

    /// Renders every page, on all cores. Each page writes only its own slot.
    private func render(model: SiteModel, theme: Theme, datasets: [String: Dataset]) -> [RenderedPage] {
        let resolver = LinkResolver(model: model)
        let roots = Set(model.pages.map { SitePaths.root(of: $0.outputPath) })
        let perDepth = Dictionary(uniqueKeysWithValues: roots.map { ($0, SendableBox(PageContext.perDepthValues(model: model, root: $0))) })
        var sharedValues = sharedValues(model: model)
        sharedValues["data"] = datasets.mapValues(Self.templateValue)
        let shared = SendableBox(sharedValues)
        let results = ResultSlots<RenderedPage>(count: model.pages.count)
        DispatchQueue.concurrentPerform(iterations: model.pages.count) { index in
            let page = model.pages[index]
            var options = MarkdownOptions()
            options.allowRawHTML = model.config.allowRawHTML
            options.resolveLink = { destination, location in resolver.resolve(destination, from: page, at: location) }
            let markdown = Markdown.render(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, options: options)
            let context = PageContext(
                model: model, page: page, markdown: markdown,
                shared: shared.value, perDepth: perDepth[SitePaths.root(of: page.outputPath)]!.value)
            let html = theme.library.render(context.make(), withTemplate: "layout/" + context.layoutName) ?? ""
            results[index] = RenderedPage(html: html, diagnostics: markdown.diagnostics)
        }
        return results.values
    }

    /// A dataset as templates see it: `{title, count, sample, rows: [{field: text}]}`.
    static func templateValue(_ dataset: Dataset) -> [String: Any] {
        let rows = dataset.rows.map { row in
            Dictionary(uniqueKeysWithValues: dataset.fields.map { ($0.name, row[$0.name].description) })
        }
        return ["title": dataset.title, "count": dataset.rows.count, "sample": dataset.sample, "rows": rows]
    }

    private func sharedValues(model: SiteModel) -> [String: Any] {
        let config = model.config
        var footer: [String: Any] = [:]
        for (key, value) in config.footer { footer[key] = value }
        let site: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "baseURL": config.baseURL ?? "",
            "sectionMode": config.sectionMode,
            "footer": footer,
            "hasFooter": !config.sectionMode && !config.footer.isEmpty,
        ]
        return ["site": site, "lang": config.language, "generator": "Qingshan"]
    }
}

/// Lets a value built before a parallel loop be read from its threads. The value is
/// never mutated after construction.
struct SendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Fixed slots that parallel workers fill, each its own index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value {
        get { lock.withLock { storage[index]! } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.map { $0! } } }
}
