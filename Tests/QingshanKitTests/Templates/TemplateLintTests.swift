import Foundation
import Testing

@testable import QingshanKit

/// The template lint: each unsafe interpolation is an error at its tag's line and column;
/// what templates legitimately do passes.
@Suite("Template lint")
struct TemplateLintTests {
    struct Finding: Sendable, CustomTestStringConvertible {
        let template: String
        let id: String
        let line: Int
        let column: Int
        var testDescription: String { "\(id): \(template)" }
    }

    static func findings(_ text: String) throws -> [Diagnostic] {
        TemplateLint.check(try Template(parsing: text), path: "layouts/x.mustache")
    }

    @Test(arguments: [
        Finding(template: "<div>{{{page.title}}}</div>", id: "template-unescaped", line: 1, column: 6),
        Finding(template: "<p>\n  {{& page.params.note}}</p>", id: "template-unescaped", line: 2, column: 3),
        Finding(template: "<a title=\"{{{page.content}}}\">", id: "template-unescaped", line: 1, column: 11),
        Finding(template: "{{#page}}<b>{{{title}}}</b>{{/page}}", id: "template-unescaped", line: 1, column: 13),
        Finding(template: "<a class={{page.title}}>", id: "template-unquoted-attribute", line: 1, column: 10),
        Finding(template: "<img alt=x{{page.title}}>", id: "template-unquoted-attribute", line: 1, column: 11),
        Finding(template: "<a {{page.params.attrs}}>", id: "template-in-tag", line: 1, column: 4),
        Finding(template: "<script>\nvar t = \"{{page.title}}\";\n</script>", id: "template-in-script", line: 2, column: 10),
        Finding(template: "<style>h1 { color: {{page.params.colour}} }</style>", id: "template-in-style", line: 1, column: 20),
        Finding(template: "<button onclick=\"go('{{page.url}}')\">", id: "template-event-attribute", line: 1, column: 22),
        Finding(template: "<iframe srcdoc=\"{{page.params.html}}\"></iframe>", id: "template-event-attribute", line: 1, column: 17),
        Finding(template: "<div style=\"width: {{page.params.width}}\">", id: "template-style-attribute", line: 1, column: 20),
        Finding(template: "<a href=\"{{page.params.target}}\">", id: "template-unchecked-url", line: 1, column: 10),
        Finding(template: "<img src=\"{{title}}\">", id: "template-unchecked-url", line: 1, column: 11),
        Finding(template: "<form action='{{data.forms.action}}'>", id: "template-unchecked-url", line: 1, column: 15),
        Finding(template: "<button formaction=\"{{lowercased(nav.url)}}\">", id: "template-unchecked-url", line: 1, column: 21),
        Finding(template: "<img srcset=\"{{root}}a.png 1x, {{page.params.big}} 2x\">", id: "template-unchecked-url", line: 1, column: 32),
        Finding(template: "<a href=\"{{root}}{{page.params.next}}\">", id: "template-unchecked-url", line: 1, column: 18),
        Finding(template: "{{#data.links.rows}}<a href=\"{{url}}\">{{/data.links.rows}}", id: "template-unchecked-url", line: 1, column: 30),
        Finding(template: "{{#page.params.links}}<a href=\"{{root}}\">{{/page.params.links}}", id: "template-unchecked-url", line: 1, column: 32),
        Finding(template: "<script type=\"application/ld+json\">{\"name\": \"{{{page.title}}}\"}</script>", id: "template-json-ld", line: 1, column: 46),
        Finding(template: "<script type=\"application/ld+json\">{\"n\": {{page.params.count}}}</script>", id: "template-json-ld", line: 1, column: 42),
    ])
    func unsafeInterpolation(_ finding: Finding) throws {
        let diagnostics = try Self.findings(finding.template)
        let diagnostic = try #require(diagnostics.first, "no finding")
        #expect(diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.id == finding.id)
        #expect(diagnostic.message.zh?.isEmpty == false)
        #expect(diagnostic.location == SourceLocation(path: "layouts/x.mustache", line: finding.line, column: finding.column))
    }

    @Test(arguments: [
        "<div class=\"prose\">\n{{{page.content}}}\n</div>",
        "<h1 title='{{page.title}}'>{{page.title}}</h1><!-- {{page.title}} -->",
        "<a href=\"{{page.url}}\">{{page.title}}</a>",
        "{{#nav}}<a href=\"{{url}}\"{{#current}} aria-current=\"page\"{{/current}}>{{title}}</a>{{/nav}}",
        "{{#page.children}}<a href=\"{{url}}\">{{title}}</a>{{/page.children}}",
        "{{#sections.updates}}<a href=\"{{url}}\">全部</a>{{#pages}}<a href=\"{{url}}\">{{/pages}}{{/sections.updates}}",
        "{{#first(latestUpdates)}}{{#latestUpdates}}<a href=\"{{url}}\">{{/latestUpdates}}{{/first(latestUpdates)}}",
        "<link rel=\"stylesheet\" href=\"{{assets}}style.css\"><script src=\"{{root}}search-index.js\"></script>",
        "{{#site.footer.errorReportURL}}<a href=\"{{.}}\">找错</a>{{/site.footer.errorReportURL}}",
        "{{#site.footer.icpURL}}<a href=\"{{site.footer.icpURL}}\">{{site.footer.icp}}</a>{{/site.footer.icpURL}}",
        "<a href=\"mailto:{{site.footer.email}}\">",
        "<a href=\"#{{id}}\">",
        "<a href=\"https://example.cn/?q={{page.title}}\">",
        "<a href=\"{{page.params.sourceURL}}\">",
        "<a href=\"{{safeURL(data.links.first.url)}}\">",
        "{{#safeURL(page.params.target)}}<a href=\"{{.}}\">{{/safeURL(page.params.target)}}",
        "{{#page.toc}}<li class=\"toc-level-{{level}}\" data-n=\"{{plusone(index())}}\">{{/page.toc}}",
        "<script src=\"{{assets}}search.js\"></script><p>{{page.title}}</p>",
        "<style>p { margin: 0 }</style><p>{{page.title}}</p>",
        "<script type=\"application/ld+json\">{\"name\": \"{{page.title}}\", \"url\": \"{{page.canonicalURL}}\"}</script>",
        "<input value=\"{{page.title}}\" {{#page.isHome}}checked{{/page.isHome}}>",
        "<p>a < b and {{page.title}}</p>",
        "<style media=\"print\">@page { @bottom-left { content: \"{{cssString(site.title)}} {{cssString(page.path)}}\"; } }</style>",
    ])
    func safeInterpolation(_ template: String) throws {
        let diagnostics = try Self.findings(template)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("safeURL renders a safe URL and drops any other")
    func safeURLTransform() {
        #expect(TemplateValue.string("../a/index.html").transformed("safeURL") == .string("../a/index.html"))
        #expect(TemplateValue.string("java\tscript:alert(1)").transformed("safeURL") == nil)
    }

    @Test("cssString leaves letters, digits, spaces and Chinese, and escapes everything else for CSS")
    func cssStringTransform() {
        #expect(TemplateValue.string("达州 Site 2024").transformed("cssString") == .string("达州 Site 2024"))
        #expect(
            TemplateValue.string("a\"}</style><script>").transformed("cssString")
                == .string("a\\22 \\7D \\3C \\2F style\\3E \\3C script\\3E "))
        #expect(TemplateValue.string("https://x.cn/a-b").transformed("cssString") == .string("https\\3A \\2F \\2F x\\2E cn\\2F a\\2D b"))
    }

    @Test("the bundled theme passes the lint")
    func bundledThemePasses() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let (theme, diagnostics) = Theme.load(root: root, name: "default")
        #expect(theme != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("theme loading reports lint findings and partials outside the theme at the tag")
    func themeLoading() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layouts = root.appendingPathComponent("site-templates/t/layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try Data("<p>\n  {{> ../../../content/secret}}{{> nothing}}\n<a href={{root}}>\n".utf8).write(to: layouts.appendingPathComponent("page.mustache"))
        let (_, diagnostics) = Theme.load(root: root, name: "t")
        let found = diagnostics.map { "\($0.message.id) \($0.location.map(String.init(describing:)) ?? "")" }.sorted()
        #expect(
            found == [
                "missing-partial site-templates/t/layouts/page.mustache:2:32",
                "partial-outside-theme site-templates/t/layouts/page.mustache:2:3",
                "template-unquoted-attribute site-templates/t/layouts/page.mustache:3:9",
            ])
    }
}
