@testable import QingshanKit

/// A template as an editor may write it: parsed, linted, and rendered with a context that
/// has strings, lists, maps and HTML, and with itself as a partial (so recursion and
/// inheritance run into their depth bound).
enum TemplateFuzz {
    static let context: TemplateValue = [
        "title": "青山 <b>&</b>",
        "content": "<p>正文</p>",
        "page": ["title": "目标", "summary": "", "url": "../goals/index.html", "params": ["x": "y"]],
        "pages": [["title": "一"], ["title": "二", "draft": true], "三"],
        "site": ["title": "万达开", "navigation": [["title": "首页", "url": "index.html"]]],
        "empty": [],
        "count": 3,
        "flag": false,
        "partialName": "self",
    ]

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let template = try? Template(parsing: text) else { return }
        _ = TemplateLint.check(template, path: "layouts/x.mustache")
        for reference in template.partialReferences { _ = TemplateLint.climbsOutOfTheme(reference.name) }
        let library = TemplateLibrary(templates: ["self": template, "page": template])
        _ = library.render("page", context: context)
    }
}
