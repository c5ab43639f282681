import Foundation
import Testing

@testable import QingshanKit

/// Which layouts are given the site-wide page lists (`sections`, `latestUpdates`): only
/// those whose templates, partials included, name them.
@Suite struct ThemeSiteListsTests {
    @Test("a layout reads the site lists when it or a partial it reaches names them")
    func layoutsReadingSiteLists() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-lists-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "layouts/page.mustache": "<main>{{{page.content}}}</main>",
            "layouts/home.mustache": "<main>{{> list}}</main>",
            "layouts/section.mustache": "<ul>{{#latestUpdates}}<li>{{title}}</li>{{/latestUpdates}}</ul>",
            "layouts/plain.mustache": "<main>{{> footer}}</main>",
            "partials/list.mustache": "{{#sections.news.pages}}<a href=\"{{url}}\">{{title}}</a>{{/sections.news.pages}}",
            "partials/footer.mustache": "<footer>{{site.title}}</footer>",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent("site-templates/t/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (theme, diagnostics) = Theme.load(root: root, name: "t")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(theme?.layoutsReadingSiteLists == ["home", "section"])
    }

    @Test("the default theme gives the lists to its home page only")
    func defaultTheme() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let (theme, _) = Theme.load(root: root, name: "default")
        #expect(theme?.layoutsReadingSiteLists == ["home"])
    }
}
