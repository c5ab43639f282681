import Foundation
import Mustache
import Testing

/// The default theme's layouts, rendered with Qingshan's template renderer and the
/// fixture contexts of `Fixtures/theme/` (shaped as docs/TEMPLATES.md describes).
@Suite("Default theme")
struct DefaultThemeTests {
    let theme: DefaultTheme

    init() throws {
        theme = try DefaultTheme()
    }

    /// The base context with a layout's fixture laid over it, key by key at the top level.
    static func context(for layout: String) throws -> [String: Any] {
        var context = try #require(DefaultTheme.context("base") as? [String: Any])
        let overlay = try #require(DefaultTheme.context(layout) as? [String: Any])
        context.merge(overlay) { _, new in new }
        return context
    }

    func rendered(_ layout: String, _ change: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var context = try Self.context(for: layout)
        change(&context)
        return try #require(theme.render(layout: layout, context: context))
    }

    @Test("every layout the contract names exists and parses", arguments: DefaultTheme.requiredLayouts)
    func layoutExists(_ layout: String) {
        #expect(theme.sources["layouts/\(layout)"] != nil)
    }

    @Test("every layout renders the same bytes as swift-mustache", arguments: DefaultTheme.requiredLayouts)
    func sameAsSwiftMustache(_ layout: String) throws {
        for sectionMode in [false, true] {
            var context = try Self.context(for: layout)
            if sectionMode, var site = context["site"] as? [String: Any] {
                site["sectionMode"] = true
                context["site"] = site
            }
            let html = try #require(theme.render(layout: layout, context: context))
            // swift-mustache has no `cssString` (Qingshan's own transform, tested in
            // TemplateLintTests): the print footer's style line is compared without it.
            func comparable(_ html: String?) -> String? {
                html.map { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("<style media=\"print\">") }.joined(separator: "\n") }
            }
            #expect(comparable(html) == comparable(theme.referenceRender(layout: layout, context: context)))
            #expect(html.contains("<style media=\"print\">@page { @bottom-left { content: \""))
            #expect(html.count > 500)
        }
    }

    @Test("every partial a template calls exists")
    func partialsResolve() {
        for (name, text) in theme.sources.sorted(by: { $0.key < $1.key }) {
            for partial in HTMLProbe.partialNames(in: text) {
                #expect(theme.sources["partials/\(partial)"] != nil, "\(name) calls missing partial \(partial)")
            }
        }
    }

    @Test("templates never use root-absolute or external resource URLs")
    func portableURLs() throws {
        var texts = theme.sources
        texts["assets/style.css"] = try DefaultTheme.stylesheet()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for bad in ["href=\"/", "src=\"/", "src=\"http", "url(http", "url(/", "@import", "@font-face", "<link rel=\"stylesheet\" href=\"http"] {
                #expect(!text.contains(bad), "\(name) contains \(bad)")
            }
        }
    }

    @Test("each layout renders an accessible page skeleton", arguments: DefaultTheme.requiredLayouts)
    func skeleton(_ layout: String) throws {
        let html = try rendered(layout)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(HTMLProbe.count("<main id=\"main\"", in: html) == 1)
        #expect(HTMLProbe.count("<h1", in: html) == 1)
        // The skip link is the first link in the body, so it is the first Tab stop.
        let body = try #require(html.range(of: "<body"))
        let firstLink = try #require(html.range(of: "<a ", range: body.upperBound..<html.endIndex))
        #expect(html[firstLink.lowerBound...].hasPrefix("<a class=\"skip-link\" href=\"#main\">"))
        #expect(HTMLProbe.headingLevelsSkip(in: html) == nil)
        #expect(HTMLProbe.navsWithoutLabel(in: html) == 0)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"\(try #require(Self.context(for: layout)["assets"] as? String))style.css\">"))
        #expect(!html.contains("{{"), "unrendered Mustache tag")
    }

    @Test("government meta tags come from the context, unset ones are left out")
    func governmentMeta() throws {
        let html = try rendered("page")
        #expect(html.contains("<meta name=\"SiteName\" content=\"万达开生态文明示范区\">"))
        #expect(html.contains("<meta name=\"ColumnName\" content=\"协作机制\">"))
        #expect(html.contains("<meta name=\"PubDate\" content=\"2020-04-16 00:00\">"))
        #expect(!html.contains("name=\"SiteDomain\""))
        #expect(!html.contains("name=\"SiteIDCode\""))
    }

    @Test("the footer shows the government fields, linked where a URL is given")
    func footerFields() throws {
        let html = try rendered("page")
        #expect(html.contains("<dt>主办单位</dt><dd>达州市生态环境局</dd>"))
        #expect(html.contains("<dt>网站标识码</dt><dd>5117000000</dd>"))
        #expect(html.contains("<a href=\"https://beian.miit.gov.cn/\">蜀ICP备00000000号</a>"))
        #expect(html.contains("<dd>川公网安备00000000000000号</dd>"))
        #expect(html.contains("<a href=\"https://example.org/jiucuo\">我为政府网站找错</a>"))
    }

    @Test("section mode hides the government footer block")
    func sectionMode() throws {
        let html = try rendered("page") { context in
            var site = context["site"] as? [String: Any] ?? [:]
            site["sectionMode"] = true
            site["hasFooter"] = false
            context["site"] = site
        }
        #expect(!html.contains("class=\"gov-info\""))
        #expect(!html.contains("我为政府网站找错"))
        #expect(html.contains("<footer class=\"site-footer\">"))
    }

    /// swift-mustache renders a section for any present string, even an empty
    /// one, so the theme guards optional strings with `empty(...)` as well.
    @Test("empty optional strings render nothing", arguments: ["page", "section"])
    func emptyStrings(_ layout: String) throws {
        let html = try rendered(layout) { context in
            var page = context["page"] as? [String: Any] ?? [:]
            for key in ["summary", "date", "dateText", "lastmod", "lastmodText"] { page[key] = "" }
            page["children"] = [["title": "无日期", "url": "x.html", "summary": "", "date": "", "dateText": ""]]
            page["hasChildren"] = true
            context["page"] = page
            context["meta"] = ["siteName": "", "siteDomain": "", "pubDate": ""]
        }
        #expect(!html.contains("content=\"\""))
        #expect(!html.contains("datetime=\"\""))
        #expect(!html.contains("<p></p>"))
        #expect(!html.contains("<p class=\"lead\"></p>"))
    }

    @Test("navigation marks the current page and its section without relying on colour")
    func navigationState() throws {
        let home = try rendered("home")
        #expect(home.contains("<li><a href=\"index.html\" aria-current=\"page\">首页</a></li>"))
        let page = try rendered("page")
        #expect(page.contains("<li><a href=\"index.html\" class=\"is-ancestor\">协作机制</a></li>"))
        #expect(page.contains("<li><span aria-current=\"page\">座谈会与《备忘录》</span></li>"))
    }

    @Test("a page with a table of contents lists its headings; the sample notice shows")
    func tocAndSample() throws {
        let html = try rendered("page")
        #expect(html.contains("<li class=\"toc-level-3\"><a href=\"#议程\">议程</a></li>"))
        #expect(html.contains("<strong>示例数据</strong>"))
        let plain = try rendered("page") { context in
            var page = context["page"] as? [String: Any] ?? [:]
            page["hasToc"] = false
            page["sample"] = false
            context["page"] = page
        }
        #expect(!plain.contains("class=\"toc\""))
        #expect(!plain.contains("示例数据"))
    }

    @Test("the home page shows key figures and the latest updates only when there are some")
    func homeBlocks() throws {
        let html = try rendered("home")
        #expect(html.contains("<span class=\"figure-value\">56.5亿元</span>"))
        #expect(html.contains("<a href=\"updates/2020-09-03-tongbo-river-agreement.html\">"))
        let bare = try rendered("home") { context in
            context["latestUpdates"] = [Any]()
            var page = context["page"] as? [String: Any] ?? [:]
            page["params"] = [String: Any]()
            context["page"] = page
        }
        #expect(!bare.contains("关键数字"))
        #expect(!bare.contains("qs-latest-title"))
    }

    @Test("the search layout carries the markup the search script expects")
    func searchMarkup() throws {
        let html = try rendered("search")
        for part in [
            "<form class=\"search-form\" role=\"search\" action=\"index.html\"", "<input id=\"search-input\" name=\"q\" type=\"search\">",
            "<p id=\"search-status\" role=\"status\">", "<ol id=\"search-results\" data-root=\"../\">", "<noscript>",
            "<script src=\"../search-index.js\"></script>", "<script src=\"../assets/search.js\"></script>",
        ] {
            #expect(html.contains(part), "missing \(part)")
        }
    }

    @Test("layouts match their golden files", arguments: DefaultTheme.requiredLayouts)
    func golden(_ layout: String) throws {
        let html = try rendered(layout)
        try Golden.expect(html, matches: "theme/\(layout).html")
    }
}
