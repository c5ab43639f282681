import Foundation
import Testing

@testable import QingshanKit

/// cmark's pathological inputs through Qingshan's own Markdown path: each is rendered
/// (the HTML holds the expected text) or refused with its message, never left hanging.
@Suite struct PathologicalMarkdownTests {
    static var isOldCmark: Bool {
        let v = CmarkRenderer.libraryVersion
        return (v.major, v.minor, v.patch) < (0, 31, 0)
    }

    @Test(arguments: PathologicalCase.all)
    func finishesOrIsRefused(_ input: PathologicalCase) throws {
        let body = input.make()
        let result = Markdown.render(body, path: "content/pages/p.md", lineOffset: 3)
        var expected = input.expected
        // On a fixed libcmark only the size limit refuses; the advisory shapes render.
        if case .refused(let id) = expected, id != "file-too-large", !Self.isOldCmark { expected = .rendered(marker: "") }
        switch expected {
        case .rendered(let marker):
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            #expect(!result.html.isEmpty)
            #expect(marker.isEmpty || result.html.contains(marker), "no '\(marker)' in the HTML")
        case .refused(let id):
            #expect(result.html.isEmpty)
            let diagnostic = try #require(result.diagnostics.first)
            #expect(diagnostic.message.id == id)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location?.path == "content/pages/p.md")
            #expect((diagnostic.location?.line ?? 0) >= 4, "positions count the front matter's lines")
            if id != "file-too-large" {
                #expect(diagnostic.notes.first?.contains("older than 0.31.0") == true)
            }
        }
    }
}
