public import Foundation
import Mustache

/// What a build produced: every output file in memory, and every diagnostic.
public struct BuildResult: Sendable {
    /// Output path (relative to the output folder) → bytes. Empty when the build failed.
    public var files: [String: Data]
    public var diagnostics: Diagnostics
    /// How many pages were rendered from Markdown and templates.
    public var renderedPageCount: Int
    /// The search index's size against the site's HTML ("search index 120 KB, 31 % of …").
    public var searchIndexSize: SearchIndexSize?

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline: read → validate (collecting every diagnostic) → site model → render.
/// Nothing is written here; `OutputWriter` writes a successful result.
public struct SiteBuilder: Sendable {
    public var root: URL

    /// Checks of the rendered output run during the build (the offline audit by default);
    /// `qingshan check` turns on all of them.
    public var outputChecks = OutputCheckOptions(links: false, offline: true, accessibility: false, personalData: false)

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

        // Personal data is refused at its source, unless site.yaml allows it with a reason.
        for page in content.pages {
            diagnostics.append(contentsOf: PersonalDataScanner.scan(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, policy: config.personalData))
        }
        for name in datasets.keys.sorted() {
            diagnostics.append(contentsOf: PersonalDataScanner.scan(dataset: datasets[name]!, policy: config.personalData))
        }
        var footer: [GovernmentFooterValidator.Field: GovernmentFooterValidator.Value] = [:]
        for field in GovernmentFooterValidator.Field.allCases {
            if let text = config.footer[field.rawValue] {
                footer[field] = GovernmentFooterValidator.Value(text, at: config.footerLocations[field.rawValue])
            }
        }
        diagnostics.append(contentsOf: GovernmentFooterValidator.validate(footer))

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

        var taken = otherSources
        for page in model.pages { taken[page.outputPath] = page.sourcePath }
        let (records, recordDiagnostics) = CollectionPages.plan(config: config, datasets: datasets, taken: taken)
        diagnostics.append(contentsOf: recordDiagnostics)
        for collection in config.collections where !theme.layouts.contains(collection.layout) {
            diagnostics.error(.unknownLayout(collection.layout, known: theme.layouts), at: collection.location)
        }
        // Render even when something is already wrong: the pages' own problems (dead
        // links, bad data blocks) are reported in the same run. Nothing is returned to write.
        let pages = render(model: model, theme: theme, datasets: datasets, records: records)
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
        var htmlBytes = 0
        var documents: [SearchDocument] = []
        let outputs = model.pages.map(\.outputPath) + records.map(\.page.outputPath)
        for (index, output) in outputs.enumerated() {
            files[output] = Data(pages[index].html.utf8)
            htmlBytes += pages[index].html.utf8.count
            if let document = pages[index].searchDocument { documents.append(document) }
        }
        let searchIndex = SearchIndex(documents: documents)
        files[Self.searchIndexPath] = Data(searchIndex.javaScript.utf8)
        if !diagnostics.hasErrors {
            diagnostics.append(contentsOf: OutputChecker.check(files: files.mapValues { [UInt8]($0) }, options: outputChecks))
        }
        var result = BuildResult(files: diagnostics.hasErrors ? [:] : files, diagnostics: diagnostics, renderedPageCount: pages.count)
        result.searchIndexSize = searchIndex.size(comparedToHTMLBytes: htmlBytes)
        return result
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

    /// Where the search index is written: a classic script that sets a global, so it
    /// loads from `file://` where `fetch` cannot.
    static let searchIndexPath = "search-index.js"

    struct RenderedPage: Sendable {
        var html: String = ""
        var diagnostics: [Diagnostic] = []
        /// What the search index holds for the page; `nil` for pages left out of search.
        var searchDocument: SearchDocument?
    }

    /// Renders every page, on all cores. Each page writes only its own slot.
    private func render(model: SiteModel, theme: Theme, datasets: [String: Dataset], records: [CollectionPages.Entry]) -> [RenderedPage] {
        let resolver = LinkResolver(model: model)
        let blocks = DataBlockRenderer(datasets: datasets)
        let roots = Set((model.pages + records.map(\.page)).map { SitePaths.root(of: $0.outputPath) })
        let perDepth = Dictionary(uniqueKeysWithValues: roots.map { ($0, SendableBox(PageContext.perDepthValues(model: model, root: $0))) })
        var sharedValues = sharedValues(model: model)
        sharedValues["data"] = datasets.mapValues(Self.templateValue)
        let shared = SendableBox(sharedValues)
        // The pages of each collection, listed on its parent page (`page.records`).
        var links: [String: [(title: String, output: String)]] = [:]
        for entry in records {
            if let parent = model.config.collections[entry.collection].parent {
                links[parent, default: []].append((entry.page.frontMatter.title, entry.page.outputPath))
            }
        }
        let recordLinks = links
        let pageCount = model.pages.count
        let results = ResultSlots<RenderedPage>(count: pageCount + records.count)
        DispatchQueue.concurrentPerform(iterations: pageCount + records.count) { index in
            if index >= pageCount {
                results[index] = renderRecord(index - pageCount, records: records, model: model, theme: theme, datasets: datasets, shared: shared.value, perDepth: perDepth)
                return
            }
            let page = model.pages[index]
            var options = MarkdownOptions()
            options.allowRawHTML = model.config.allowRawHTML
            options.resolveLink = { destination, location in resolver.resolve(destination, from: page, at: location) }
            options.blockViews = DataBlockRenderer.viewNames
            options.renderBlock = { view, info, body, bodyStart in
                let result = blocks.render(view: view, info: info, body: body, bodyStart: bodyStart)
                return RenderedBlock(html: result.html, diagnostics: result.diagnostics, datasetsUsed: result.datasetsUsed, usesSampleData: result.usesSample)
            }
            let markdown = Markdown.render(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, options: options)
            let context = PageContext(
                model: model, page: page, markdown: markdown,
                shared: shared.value, perDepth: perDepth[SitePaths.root(of: page.outputPath)]!.value)
            var values = context.make()
            if let records = recordLinks[page.pagePath], var pageValues = values["page"] as? [String: Any] {
                let root = SitePaths.root(of: page.outputPath)
                pageValues["records"] = records.map { ["title": $0.title, "url": root + $0.output] }
                pageValues["hasRecords"] = true
                values["page"] = pageValues
            }
            let html = theme.library.render(values, withTemplate: "layout/" + context.layoutName) ?? ""
            var document: SearchDocument?
            if page.pagePath != "404.md", context.layoutName != "search" {
                let text = HTMLText.plainText(fromHTML: markdown.html)
                document = SearchDocument(url: page.outputPath, title: page.frontMatter.title, section: context.sectionTitle() ?? "", text: text)
            }
            results[index] = RenderedPage(html: html, diagnostics: markdown.diagnostics, searchDocument: document)
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

    /// Renders the page of one dataset row.
    private func renderRecord(
        _ index: Int, records: [CollectionPages.Entry], model: SiteModel, theme: Theme,
        datasets: [String: Dataset], shared: [String: Any], perDepth: [String: SendableBox<[String: Any]>]
    ) -> RenderedPage {
        let entry = records[index]
        let dataset = datasets[entry.dataset]!
        let markdown = RenderedMarkdown(html: "", headings: [], usesSampleData: dataset.sample)
        let context = PageContext(
            model: model, page: entry.page, markdown: markdown,
            shared: shared, perDepth: perDepth[SitePaths.root(of: entry.page.outputPath)]?.value ?? [:])
        var values = context.make()
        let parent = model.config.collections[entry.collection].parent
        for (key, value) in CollectionPages.values(for: index, in: records, dataset: dataset, model: model, parent: parent) {
            values[key] = value
        }
        let html = theme.library.render(values, withTemplate: "layout/" + context.layoutName) ?? ""
        let document = SearchDocument(
            url: entry.page.outputPath, title: entry.page.frontMatter.title, section: context.sectionTitle() ?? "",
            text: CollectionPages.searchText(dataset: dataset, row: entry.row))
        return RenderedPage(html: html, diagnostics: [], searchDocument: document)
    }

    private func sharedValues(model: SiteModel) -> [String: Any] {
        let config = model.config
        var footer: [String: Any] = [:]
        for (key, value) in config.footer { footer[key] = value }
        let site: [String: Any] = PageContext.withoutEmptyStrings([
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "baseURL": config.baseURL ?? "",
            "sectionMode": config.sectionMode,
            "footer": footer,
            "hasFooter": !config.sectionMode && !config.footer.isEmpty,
        ])
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
