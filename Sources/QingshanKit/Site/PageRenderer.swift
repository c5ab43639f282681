import Foundation

/// One output page rendered: its HTML and what the search index and the cache keep of it.
struct RenderedPage: Sendable {
    /// The page's HTML (UTF-8), in the buffer the build writes and checks.
    var html = Data()
    var diagnostics: [Diagnostic] = []
    /// What the search index holds for the page; `nil` for pages left out of search.
    var searchDocument: SearchDocument?
    /// Datasets its data blocks read.
    var datasetsUsed: Set<String> = []
}

/// Renders pages of a site model: Markdown pages and the pages of collection rows.
/// Built once per build; every method may run on any thread.
struct PageRenderer: Sendable {
    let model: SiteModel
    let theme: Theme
    let datasets: [String: Dataset]
    let records: [CollectionPages.Entry]
    private let resolver: LinkResolver
    private let blocks: DataBlockRenderer
    private let shared: [String: TemplateValue]
    /// Every dataset as templates see it (`data`): the pages made outside the renderer
    /// (the downloads catalogue, the 本期变化 pages) show the same values.
    var dataValue: TemplateValue { shared["data"] ?? .map([:]) }

    /// `PageContext.perDepthValues` for a page with `layout` at `root`, made once per depth
    /// and shared with the pages made outside the renderer (each lists every page of every
    /// section); none for a layout that does not read them.
    func perDepthValues(root: String, layout: String) -> [String: TemplateValue] {
        theme.layoutsReadingSiteLists.contains(layout) ? perDepth.values(root: root) : [:]
    }
    private let perDepth: PerDepthValues
    /// The pages of each collection, listed on its parent page (`page.records`).
    let recordLinks: [String: [(title: String, output: String)]]
    /// Every page as the sitemap, the feed and the head tags see it.
    let publishedPages: [PublishedPage]
    private let hasFeed: Bool
    /// Datasets published for download (`OpenDataPhase`): their tables, charts and record
    /// pages link the files.
    let downloads: Set<String>
    /// The snapshots of each dataset with a primary key: record pages show their history.
    let histories: [String: RecordHistories]

    init(
        model: SiteModel, theme: Theme, datasets: [String: Dataset], records: [CollectionPages.Entry], downloads: Set<String> = [],
        histories: [String: RecordHistories] = [:], snapshots: SnapshotArchive = SnapshotArchive()
    ) {
        self.model = model
        self.histories = histories
        self.downloads = downloads
        self.theme = theme
        self.datasets = datasets
        self.records = records
        resolver = LinkResolver(model: model)
        blocks = DataBlockRenderer(datasets: datasets, snapshots: snapshots)
        perDepth = PerDepthValues(model: model)
        var values = Self.sharedValues(config: model.config, hasDownloads: !downloads.isEmpty)
        values["data"] = .map(datasets.mapValues(Self.templateValue))
        shared = values
        var links: [String: [(title: String, output: String)]] = [:]
        for entry in records {
            if let parent = model.config.collections[entry.collection].parent {
                links[parent, default: []].append((entry.page.frontMatter.title, entry.page.outputPath))
            }
        }
        recordLinks = links
        outputs = model.pages.map(\.outputPath) + records.map(\.page.outputPath)
        publishedPages = (model.pages + records.map(\.page)).map(PublishedPage.init)
        hasFeed = PublishFiles.hasFeed(pages: publishedPages)
    }

    /// Canonical, Open Graph and feed values for a page's head (empty without a baseURL).
    private func addHeadValues(for page: Page, to values: inout [String: TemplateValue]) {
        guard case .map(var pageValues)? = values["page"] else { return }
        let head = PublishFiles.headValues(for: PublishedPage(page), config: model.config, hasFeed: hasFeed).templateValues
        for (key, value) in head { pageValues[key] = .string(value) }
        values["page"] = .map(PageContext.withoutEmptyStrings(pageValues))
    }

    /// Renders a page's layout, reporting partials nested too deep and renderings stopped.
    private func renderLayout(_ layout: String, values: [String: TemplateValue], page: Page, diagnostics: inout [Diagnostic]) -> Data {
        guard let output = theme.library.render("layout/" + layout, context: .map(values)) else { return Data() }
        if output.partialDepthExceeded {
            diagnostics.append(.error(.partialTooDeep(layout: layout, limit: TemplateLibrary.maxPartialDepth), at: SourceLocation(path: page.sourcePath)))
        }
        if output.workExceeded {
            diagnostics.append(.error(.templateWorkExceeded(layout: layout), at: SourceLocation(path: page.sourcePath)))
        }
        return Data(output.bytes)
    }

    /// Output paths of every job: the Markdown pages, then the collection pages. Stored:
    /// as a computed property it was rebuilt per kept page, quadratic in the site's size
    /// (4.7 of the 8 s of a one-page edit at N = 10,000).
    let outputs: [String]

    /// Renders job `index` (see `outputs`).
    func render(_ index: Int) -> RenderedPage {
        index < model.pages.count ? renderPage(model.pages[index]) : renderRecord(index - model.pages.count)
    }

    func layoutName(of index: Int) -> String {
        (index < model.pages.count ? model.pages[index] : records[index - model.pages.count].page).layoutName
    }

    private func renderPage(_ page: Page) -> RenderedPage {
        var options = MarkdownOptions()
        options.allowRawHTML = model.config.allowRawHTML
        options.maxBytes = model.config.maxMarkdownBytes
        options.resolveLink = { [resolver] destination, location in resolver.resolve(destination, from: page, at: location) }
        options.blockViews = DataBlockRenderer.viewNames
        options.renderBlock = { [blocks, downloads, datasets] view, info, body, bodyStart in
            var result = blocks.render(view: view, info: info, body: body, bodyStart: bodyStart)
            // Tables and charts, not a single figure or a progress bar in running text.
            for name in result.datasetsUsed.sorted() where downloads.contains(name) && DownloadLinks.views.contains(view) {
                result.html += DownloadLinks.html(dataset: datasets[name]!, root: SitePaths.root(of: page.outputPath))
            }
            return RenderedBlock(html: result.html, diagnostics: result.diagnostics, datasetsUsed: result.datasetsUsed, usesSampleData: result.usesSample)
        }
        let markdown = Markdown.render(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset, options: options)
        let context = PageContext(
            model: model, page: page, markdown: markdown,
            shared: shared, perDepth: perDepthValues(root: SitePaths.root(of: page.outputPath), layout: page.layoutName))
        var values = context.make()
        if let records = recordLinks[page.pagePath], case .map(var pageValues)? = values["page"] {
            let root = SitePaths.root(of: page.outputPath)
            pageValues["records"] = .list(records.map { ["title": .string($0.title), "url": .string(root + $0.output)] })
            pageValues["hasRecords"] = true
            values["page"] = .map(pageValues)
        }
        addHeadValues(for: page, to: &values)
        var diagnostics = markdown.diagnostics
        let html = renderLayout(context.layoutName, values: values, page: page, diagnostics: &diagnostics)
        var document: SearchDocument?
        if page.pagePath != "404.md", context.layoutName != "search" {
            let text = HTMLText.plainText(fromHTML: markdown.html)
            document = SearchDocument(url: page.outputPath, title: page.frontMatter.title, section: context.sectionTitle() ?? "", text: text)
        }
        return RenderedPage(html: html, diagnostics: diagnostics, searchDocument: document, datasetsUsed: markdown.datasetsUsed)
    }

    /// Renders the page of one dataset row.
    private func renderRecord(_ index: Int) -> RenderedPage {
        let entry = records[index]
        let dataset = datasets[entry.dataset]!
        let markdown = RenderedMarkdown(html: "", headings: [], usesSampleData: dataset.sample)
        let context = PageContext(
            model: model, page: entry.page, markdown: markdown,
            shared: shared, perDepth: perDepthValues(root: SitePaths.root(of: entry.page.outputPath), layout: entry.page.layoutName))
        var values = context.make()
        let parent = model.config.collections[entry.collection].parent
        for (key, value) in CollectionPages.values(for: index, in: records, dataset: dataset, model: model, parent: parent) {
            values[key] = value
        }
        if let history = histories[dataset.name]?.history(of: dataset.rows[entry.row]), case .map(var record)? = values["record"] {
            record["history"] = Self.historyValue(history, title: entry.page.frontMatter.title)
            values["record"] = .map(record)
        }
        if downloads.contains(dataset.name) {
            values["downloads"] = DownloadLinks.templateValue(dataset: dataset, root: SitePaths.root(of: entry.page.outputPath))
        }
        addHeadValues(for: entry.page, to: &values)
        var diagnostics: [Diagnostic] = []
        let html = renderLayout(context.layoutName, values: values, page: entry.page, diagnostics: &diagnostics)
        let document = SearchDocument(
            url: entry.page.outputPath, title: entry.page.frontMatter.title, section: context.sectionTitle() ?? "",
            text: CollectionPages.searchText(dataset: dataset, row: entry.row))
        return RenderedPage(html: html, diagnostics: diagnostics, searchDocument: document, datasetsUsed: [entry.dataset])
    }

    /// `record.history`: `{caption, fields: [{title}], points: [{date, dateText, values: [{text}]}]}`, oldest first.
    static func historyValue(_ history: RecordHistory, title: String) -> TemplateValue {
        let points: [TemplateValue] = history.points.map { point in
            var value: [String: TemplateValue] = [
                "values": .list(history.fields.map { field in ["text": .string(point.row.map { ChangesPages.display($0[field.name], field: field) } ?? "（未列入）")] })
            ]
            if let date = point.date {
                value["date"] = .string(date)
                value["dateText"] = .string(Snapshot.chineseDate(date))
            }
            return .map(value)
        }
        return [
            "caption": .string("\(title)：历次发布的数值"), "fields": .list(history.fields.map { ["title": .string($0.title)] }), "points": .list(points),
        ]
    }

    /// A dataset as templates see it: `{title, count, sample, metadata, rows: [{field: text}]}`;
    /// a list field is a list (`{{#tasks}}…{{/tasks}}`), `metadata` the file's other keys.
    static func templateValue(_ dataset: Dataset) -> TemplateValue {
        let rows: [TemplateValue] = dataset.rows.map { row in
            .map(Dictionary(uniqueKeysWithValues: dataset.fields.map { ($0.name, row[$0.name].templateValue) }))
        }
        return [
            "title": .string(dataset.title), "count": .int(dataset.rows.count), "sample": .bool(dataset.sample), "rows": .list(rows),
            "metadata": .map(dataset.metadata.mapValues(\.templateValue)),
        ]
    }

    /// - Parameter hasDownloads: datasets are published for download, so pages link the
    ///   catalogue (`site.hasDownloads`).
    static func sharedValues(config: SiteConfig, hasDownloads: Bool = false) -> [String: TemplateValue] {
        let site = PageContext.withoutEmptyStrings([
            "title": .string(config.title),
            "description": .string(config.description),
            "language": .string(config.language),
            "baseURL": .string(config.baseURL ?? ""),
            "sectionMode": .bool(config.sectionMode),
            "footer": .map(config.footer.mapValues(TemplateValue.string)),
            "hasFooter": .bool(!config.sectionMode && !config.footer.isEmpty),
            "hasDownloads": .bool(hasDownloads),
        ])
        return ["site": .map(site), "lang": .string(config.language), "generator": "Qingshan"]
    }
}

/// `PageContext.perDepthValues` per depth, made when a page at that depth is first
/// rendered: each lists every page of every section, and a build that renders one page
/// needs one depth, not all of them.
private final class PerDepthValues: Sendable {
    private let model: SiteModel
    private let made = Locked<[String: [String: TemplateValue]]>([:])

    init(model: SiteModel) { self.model = model }

    /// Two threads may make the same depth at once; both make the same values.
    func values(root: String) -> [String: TemplateValue] {
        if let values = made.withLock({ $0[root] }) { return values }
        let values = PageContext.perDepthValues(model: model, root: root)
        made.withLock { $0[root] = values }
        return values
    }
}
