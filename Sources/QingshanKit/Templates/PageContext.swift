/// The values a layout sees when it renders one page (see docs/TEMPLATES.md).
///
/// Built as nested dictionaries, which swift-mustache reads directly through
/// `MustacheParent` without reflection.
struct PageContext {
    let model: SiteModel
    let page: Page
    let markdown: RenderedMarkdown
    /// Values shared by every page (`site`, `data`, …), built once per build.
    let shared: [String: Any]
    /// Values shared by every page at the same depth (`sections`, `latestUpdates`): their
    /// links depend only on `root`, so they are built once per depth, not once per page.
    let perDepth: [String: Any]

    func make() -> [String: Any] {
        let root = SitePaths.root(of: page.outputPath)
        var context = shared
        for (key, value) in perDepth { context[key] = value }
        context["root"] = root
        context["assets"] = root + "assets/"
        context["searchURL"] = root + "search/index.html"
        context["nav"] = navigation()
        context["page"] = pageValues()
        context["meta"] = meta()
        return context
    }

    private func link(to output: String) -> String { SitePaths.link(from: page.outputPath, to: output) }

    /// `sections` and `latestUpdates` as seen from pages whose path to the root is `root`.
    static func perDepthValues(model: SiteModel, root: String) -> [String: Any] {
        var values: [String: Any] = [:]
        if model.sectionIndexByFolder["updates"] != nil {
            values["latestUpdates"] = Array(children(model: model, folder: "updates", root: root).prefix(5))
        }
        var sections: [String: Any] = [:]
        for (folder, index) in model.sectionIndexByFolder where !folder.isEmpty && !folder.contains("/") {
            let section = model.pages[index]
            sections[folder] = [
                "title": section.frontMatter.title,
                "url": root + section.outputPath,
                "pages": children(model: model, folder: folder, root: root),
            ] as [String: Any]
        }
        values["sections"] = sections
        return values
    }

    private func pageValues() -> [String: Any] {
        let matter = page.frontMatter
        let toc = markdown.headings.filter { $0.level == 2 || $0.level == 3 }.map {
            ["level": $0.level, "id": $0.id, "title": $0.title] as [String: Any]
        }
        let ancestors = model.ancestors(ofFolder: page.isSectionIndex ? (page.parentFolder ?? "") : page.folder)
            .filter { model.pages[$0].pagePath != page.pagePath }
        let children = page.isSectionIndex ? children(ofFolder: page.folder) : []
        let lastmod = matter.lastmod ?? matter.date
        var values: [String: Any] = [
            "title": matter.title,
            "summary": matter.summary,
            "date": matter.date ?? "",
            "dateText": matter.date.map(Self.chineseDate) ?? "",
            "lastmod": lastmod ?? "",
            "lastmodText": lastmod.map(Self.chineseDate) ?? "",
            "url": SitePaths.lastComponent(of: page.outputPath),
            "content": markdown.html,
            "toc": toc,
            "hasToc": toc.count >= 2,
            "breadcrumbs": ancestors.map { ["title": model.pages[$0].frontMatter.title, "url": link(to: model.pages[$0].outputPath)] },
            "section": sectionTitle() ?? "",
            "children": children,
            "hasChildren": !children.isEmpty,
            "isHome": page.isHome,
            "layout": layoutName,
            "params": matter.params.mapValues(\.templateValue),
            "sample": markdown.usesSampleData,
        ]
        values["weight"] = matter.weight
        return Self.withoutEmptyStrings(values)
    }

    var layoutName: String { page.layoutName }

    /// The title of the top-level section the page belongs to.
    func sectionTitle() -> String? {
        guard let top = page.folder.split(separator: "/").first, let index = model.sectionIndexByFolder[String(top)] else { return nil }
        return model.pages[index].frontMatter.title
    }

    private func children(ofFolder folder: String) -> [[String: Any]] {
        Self.children(model: model, folder: folder, root: SitePaths.root(of: page.outputPath))
    }

    private static func children(model: SiteModel, folder: String, root: String) -> [[String: Any]] {
        (model.childrenByFolder[folder] ?? []).map { index in
            let child = model.pages[index]
            return withoutEmptyStrings([
                "title": child.frontMatter.title,
                "url": root + child.outputPath,
                "summary": child.frontMatter.summary,
                "date": child.frontMatter.date ?? "",
                "dateText": child.frontMatter.date.map(Self.chineseDate) ?? "",
            ])
        }
    }

    private func navigation() -> [[String: Any]] {
        model.config.navigation.map { item in
            switch item.target {
            case .url(let url):
                return ["title": item.title, "url": url, "current": false, "ancestor": false]
            case .page(let pagePath):
                let target = model.pageIndexByPath[pagePath].map { model.pages[$0] }
                let output = target?.outputPath ?? ""
                let current = target?.pagePath == page.pagePath
                var ancestor = false
                if let target, target.isSectionIndex, !target.isHome, !current {
                    ancestor = page.pagePath.hasPrefix(target.folder + "/")
                }
                return ["title": item.title, "url": link(to: output), "current": current, "ancestor": ancestor]
            }
        }
    }

    private func meta() -> [String: Any] {
        let config = model.config
        var domain = ""
        if let base = config.baseURL, let schemeEnd = base.range(of: "://") {
            domain = String(base[schemeEnd.upperBound...].prefix { $0 != "/" })
        }
        return Self.withoutEmptyStrings([
            "siteName": config.meta["siteName"] ?? config.title,
            "siteDomain": config.meta["siteDomain"] ?? domain,
            "siteIDCode": config.footer["siteIDCode"] ?? "",
            "columnName": sectionTitle() ?? page.frontMatter.title,
            "articleTitle": page.frontMatter.title,
            "pubDate": page.frontMatter.date.map { ($0.utf8.count == 7 ? $0 + "-01" : $0) + " 00:00" } ?? "",
            "contentSource": config.meta["contentSource"] ?? config.footer["sponsor"] ?? "",
        ])
    }

    /// Leaves out empty strings: swift-mustache treats `""` as a value, so
    /// `{{#page.dateText}}…{{/page.dateText}}` would render for a page without a date.
    static func withoutEmptyStrings(_ values: [String: Any]) -> [String: Any] {
        values.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    /// `2021-03-05` → `2021年3月5日`; `2020-04` → `2020年4月`.
    static func chineseDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count >= 2, let month = Int(parts[1]) else { return iso }
        guard parts.count == 3, let day = Int(parts[2]) else { return "\(parts[0])年\(month)月" }
        return "\(parts[0])年\(month)月\(day)日"
    }
}
