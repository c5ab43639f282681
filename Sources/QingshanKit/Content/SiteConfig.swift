import Yams

/// `content/site.yaml`: what the site is called, how it is navigated, what its footer says.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String = ""
    /// The `lang` of every page; `zh-CN` unless said otherwise.
    public var language: String = "zh-CN"
    /// Where the site is published (`https://sthjj.dazhou.gov.cn/zt/wdk/`); only the
    /// sitemap, feed and canonical links use it. Pages link relatively either way.
    public var baseURL: String?
    public var theme: String = "default"
    /// The site is a section (专栏) of a host site, which carries the government footer.
    public var sectionMode: Bool = false
    /// Pass raw HTML in Markdown through. Off by default.
    public var allowRawHTML: Bool = false
    public var navigation: [NavigationItem] = []
    /// Government footer fields, by key (`sponsor`, `siteIDCode`, `icp`, …).
    public var footer: [String: String] = [:]
    public var footerLocations: [String: SourceLocation] = [:]
    /// Files and dataset columns allowed to carry personal data, each with its reason.
    public var personalData = PersonalDataPolicy()
    /// Per-file size limits (`limits: {markdownBytes, dataBytes}`): a file over them is
    /// refused quickly with a positioned error instead of being parsed slowly.
    public var maxMarkdownBytes = SafetyLimits.maxMarkdownBytes
    public var maxDataBytes = SafetyLimits.maxDataFileBytes
    /// What a workbook may unpack to (`limits: {workbookBytes, workbookEntries}`).
    public var workbookLimits = WorkbookLimits()
    /// Datasets that get one page per row.
    public var collections: [CollectionConfig] = []
    /// Government meta-tag values that differ from the defaults (`siteName`, `siteDomain`, `contentSource`).
    public var meta: [String: String] = [:]
    /// How the data package describes itself: name, licence, sources (`openData:`).
    public var openData = OpenDataConfig()

    public struct NavigationItem: Sendable, Hashable {
        public enum Target: Sendable, Hashable {
            /// A page, by its path under `content/pages` (`goals.md`, `updates/index.md`).
            case page(String)
            /// Any other address, written out as it is.
            case url(String)
            /// A page the build makes itself, by its output path (`changes/index.html`,
            /// `data/index.html`), linked relatively from every page.
            case output(String)
        }

        public var title: String
        public var target: Target
        public var location: SourceLocation
    }

    static let path = "content/site.yaml"
    static let knownKeys = ["title", "description", "language", "baseURL", "theme", "sectionMode", "markdown", "navigation", "footer", "meta", "collections", "personalData", "limits", "openData"]
    static let metaKeys = ["siteName", "siteDomain", "contentSource"]
    static let footerKeys = ["sponsor", "organizer", "address", "phone", "email", "siteIDCode", "icp", "icpURL", "publicSecurity", "publicSecurityURL", "errorReportURL"]

    /// Reads the configuration, collecting every problem.
    static func parse(_ text: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let document: YAMLDocument
        switch YAMLDocument.parse(text, path: path) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let root = document.root, var fields = YAMLMapping(root, in: document) else {
            return (nil, [.error(.wrongType(key: "site.yaml", expected: "a mapping", found: document.root?.kindName ?? "nothing"), at: SourceLocation(path: path, line: 1, column: 1))])
        }
        var config = SiteConfig(title: fields.string("title", required: true) ?? "")
        config.description = fields.string("description") ?? ""
        config.language = fields.string("language") ?? config.language
        config.baseURL = fields.string("baseURL").flatMap { $0.isEmpty ? nil : $0 }
        config.theme = fields.string("theme") ?? config.theme
        config.sectionMode = fields.bool("sectionMode") ?? false
        if var markdown = fields.mapping("markdown") {
            config.allowRawHTML = markdown.bool("unsafe") ?? false
            markdown.warnAboutUnknownKeys(known: ["unsafe"])
            fields.diagnostics += markdown.diagnostics
        }
        for item in fields.sequence("navigation") ?? [] {
            guard var entry = YAMLMapping(item, in: document) else {
                fields.diagnostics.append(.error(.wrongType(key: "navigation", expected: "a list of {title, page|path|url}", found: item.kindName), at: document.location(of: item)))
                continue
            }
            let title = entry.string("title", required: true) ?? ""
            let location = document.location(of: item)
            if let page = entry.string("page") {
                config.navigation.append(NavigationItem(title: title, target: .page(page), location: entry.location(of: "page")))
            } else if let output = entry.string("path") {
                config.navigation.append(NavigationItem(title: title, target: .output(output), location: entry.location(of: "path")))
            } else if let url = entry.string("url") {
                config.navigation.append(NavigationItem(title: title, target: .url(url), location: entry.location(of: "url")))
            } else {
                entry.diagnostics.append(.error(.missingKey("page"), at: location, notes: ["give `page: goals.md` (a file under content/pages) or `url: …`"]))
            }
            entry.warnAboutUnknownKeys(known: ["title", "page", "path", "url"])
            fields.diagnostics += entry.diagnostics
        }
        if var footer = fields.mapping("footer") {
            for key in footerKeys {
                if let value = footer.string(key), !value.isEmpty {
                    config.footer[key] = value
                    config.footerLocations[key] = footer.location(of: key)
                }
            }
            footer.warnAboutUnknownKeys(known: footerKeys)
            fields.diagnostics += footer.diagnostics
        }
        if var meta = fields.mapping("meta") {
            for key in metaKeys {
                if let value = meta.string(key), !value.isEmpty { config.meta[key] = value }
            }
            meta.warnAboutUnknownKeys(known: metaKeys)
            fields.diagnostics += meta.diagnostics
        }
        if var limits = fields.mapping("limits") {
            config.maxMarkdownBytes = limits.int("markdownBytes") ?? config.maxMarkdownBytes
            config.maxDataBytes = limits.int("dataBytes") ?? config.maxDataBytes
            config.workbookLimits.uncompressedBytes = limits.int("workbookBytes") ?? config.workbookLimits.uncompressedBytes
            config.workbookLimits.entries = limits.int("workbookEntries") ?? config.workbookLimits.entries
            limits.warnAboutUnknownKeys(known: ["markdownBytes", "dataBytes", "workbookBytes", "workbookEntries"])
            fields.diagnostics += limits.diagnostics
        }
        for item in fields.sequence("collections") ?? [] {
            let (collection, problems) = CollectionConfig.parse(item, document: document)
            fields.diagnostics += problems
            if let collection { config.collections.append(collection) }
        }
        if let node = fields.value("personalData") {
            let parsed = PersonalDataPolicy.parse(node: node, path: path, source: text)
            config.personalData = parsed.policy
            fields.diagnostics += parsed.diagnostics
        }
        if var openData = fields.mapping("openData") {
            config.openData = OpenDataConfig.parse(&openData, at: fields.location(of: "openData"))
            fields.diagnostics += openData.diagnostics
        }
        fields.warnAboutUnknownKeys(known: knownKeys)
        return (config, fields.diagnostics)
    }
}
