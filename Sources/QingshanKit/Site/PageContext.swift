/// The values a layout sees when it renders one page (see docs/TEMPLATES.md).
///
/// Built as typed `TemplateValue`s, which the template renderer reads without casts.
struct PageContext {
    let model: SiteModel
    let page: Page
    let markdown: RenderedMarkdown
    /// Values shared by every page (`site`, `data`, …), built once per build.
    let shared: [String: TemplateValue]
    /// Values shared by every page at the same depth (`sections`, `latestUpdates`): their
    /// links depend only on `root`, so they are built once per depth, not once per page.
    let perDepth: [String: TemplateValue]

    func make() -> [String: TemplateValue] {
        let root = SitePaths.root(of: page.outputPath)
        var context = shared
        for (key, value) in perDepth { context[key] = value }
        context["root"] = .string(root)
        context["assets"] = .string(root + "assets/")
        context["searchURL"] = .string(root + "search/index.html")
        context["nav"] = .list(navigation())
        context["page"] = .map(pageValues())
        context["meta"] = .map(meta())
        return context
    }

    private func link(to output: String) -> String { SitePaths.link(from: page.outputPath, to: output) }

    /// `sections` and `latestUpdates` as seen from pages whose path to the root is `root`.
    static func perDepthValues(model: SiteModel, root: String) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        if model.sectionIndexByFolder["updates"] != nil {
            values["latestUpdates"] = .list(Array(children(model: model, folder: "updates", root: root).prefix(5)))
        }
        var sections: [String: TemplateValue] = [:]
        for (folder, index) in model.sectionIndexByFolder where !folder.isEmpty && !folder.contains("/") {
            let section = model.pages[index]
            sections[folder] = [
                "title": .string(section.frontMatter.title),
                "url": .string(root + section.outputPath),
                "pages": .list(children(model: model, folder: folder, root: root)),
            ]
        }
        values["sections"] = .map(sections)
        return values
    }

    private func pageValues() -> [String: TemplateValue] {
        let matter = page.frontMatter
        let toc: [TemplateValue] = markdown.headings.filter { $0.level == 2 || $0.level == 3 }.map {
            ["level": .int($0.level), "id": .string($0.id), "title": .string($0.title)]
        }
        let ancestors = model.ancestors(ofFolder: page.isSectionIndex ? (page.parentFolder ?? "") : page.folder)
            .filter { model.pages[$0].pagePath != page.pagePath }
        let children = page.isSectionIndex ? children(ofFolder: page.folder) : []
        let lastmod = matter.lastmod ?? matter.date
        var values: [String: TemplateValue] = [
            "title": .string(matter.title),
            "summary": .string(matter.summary),
            "date": .string(matter.date ?? ""),
            "dateText": .string(matter.date.map(Self.chineseDate) ?? ""),
            "lastmod": .string(lastmod ?? ""),
            "lastmodText": .string(lastmod.map(Self.chineseDate) ?? ""),
            "url": .string(SitePaths.lastComponent(of: page.outputPath)),
            // The page's place in the site (`rural-remediation/index.html`), for a printed footer.
            "path": .string(page.outputPath),
            "content": .string(markdown.html),
            "toc": .list(toc),
            "hasToc": .bool(toc.count >= 2),
            "breadcrumbs": .list(ancestors.map { ["title": .string(model.pages[$0].frontMatter.title), "url": .string(link(to: model.pages[$0].outputPath))] }),
            "section": .string(sectionTitle() ?? ""),
            "children": .list(children),
            "hasChildren": .bool(!children.isEmpty),
            "isHome": .bool(page.isHome),
            "layout": .string(layoutName),
            "params": .map(matter.params.mapValues(\.templateValue)),
            "sample": .bool(markdown.usesSampleData),
        ]
        values["weight"] = .int(matter.weight)
        return Self.withoutEmptyStrings(values)
    }

    var layoutName: String { page.layoutName }

    /// The title of the top-level section the page belongs to.
    func sectionTitle() -> String? {
        guard let top = page.folder.split(separator: "/").first, let index = model.sectionIndexByFolder[String(top)] else { return nil }
        return model.pages[index].frontMatter.title
    }

    private func children(ofFolder folder: String) -> [TemplateValue] {
        Self.children(model: model, folder: folder, root: SitePaths.root(of: page.outputPath))
    }

    private static func children(model: SiteModel, folder: String, root: String) -> [TemplateValue] {
        (model.childrenByFolder[folder] ?? []).map { index in
            let child = model.pages[index]
            return .map(
                withoutEmptyStrings([
                    "title": .string(child.frontMatter.title),
                    "url": .string(root + child.outputPath),
                    "summary": .string(child.frontMatter.summary),
                    "date": .string(child.frontMatter.date ?? ""),
                    "dateText": .string(child.frontMatter.date.map(Self.chineseDate) ?? ""),
                ]))
        }
    }

    private func navigation() -> [TemplateValue] {
        model.config.navigation.map { item in
            switch item.target {
            case .url(let url):
                return ["title": .string(item.title), "url": .string(url), "current": false, "ancestor": false]
            case .output(let output):
                let current = page.outputPath == output
                let folder = output.hasSuffix("/index.html") ? String(output.dropLast("index.html".count)) : nil
                let ancestor = !current && folder.map { page.outputPath.hasPrefix($0) } == true
                return ["title": .string(item.title), "url": .string(link(to: output)), "current": .bool(current), "ancestor": .bool(ancestor)]
            case .page(let pagePath):
                let target = model.pageIndexByPath[pagePath].map { model.pages[$0] }
                let output = target?.outputPath ?? ""
                let current = target?.pagePath == page.pagePath
                var ancestor = false
                if let target, target.isSectionIndex, !target.isHome, !current {
                    ancestor = page.pagePath.hasPrefix(target.folder + "/")
                }
                return ["title": .string(item.title), "url": .string(link(to: output)), "current": .bool(current), "ancestor": .bool(ancestor)]
            }
        }
    }

    private func meta() -> [String: TemplateValue] {
        let config = model.config
        var domain = ""
        if let base = config.baseURL, let schemeEnd = base.range(of: "://") {
            domain = String(base[schemeEnd.upperBound...].prefix { $0 != "/" })
        }
        return Self.withoutEmptyStrings([
            "siteName": .string(config.meta["siteName"] ?? config.title),
            "siteDomain": .string(config.meta["siteDomain"] ?? domain),
            "siteIDCode": .string(config.footer["siteIDCode"] ?? ""),
            "columnName": .string(sectionTitle() ?? page.frontMatter.title),
            "articleTitle": .string(page.frontMatter.title),
            "pubDate": .string(page.frontMatter.date.map { ($0.utf8.count == 7 ? $0 + "-01" : $0) + " 00:00" } ?? ""),
            "contentSource": .string(config.meta["contentSource"] ?? config.footer["sponsor"] ?? ""),
        ])
    }

    /// Leaves out empty strings: Mustache treats `""` as a value, so
    /// `{{#page.dateText}}…{{/page.dateText}}` would render for a page without a date.
    static func withoutEmptyStrings(_ values: [String: TemplateValue]) -> [String: TemplateValue] {
        values.filter { $0.value != .string("") }
    }

    /// `2021-03-05` → `2021年3月5日`; `2020-04` → `2020年4月`.
    static func chineseDate(_ iso: String) -> String {
        // Split on bytes: `-` is ASCII (Character splitting showed in the profile).
        let parts = iso.utf8.split(separator: UInt8(ascii: "-")).map { Substring($0) }
        guard parts.count >= 2, let month = Int(parts[1]) else { return iso }
        guard parts.count == 3, let day = Int(parts[2]) else { return "\(parts[0])年\(month)月" }
        return "\(parts[0])年\(month)月\(day)日"
    }
}
