import Foundation
import Testing

@testable import QingshanKit

@Suite struct HomePageTests {
    /// The home page's `figures:` front matter is a list of mappings; it reaches the
    /// template with that shape and every figure is shown.
    @Test func keyFiguresFromFrontMatterAreShown() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let result = SiteBuilder(root: site.root).build()
        try #require(result.succeeded)
        let home = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(home.contains("关键数字"))
        for figure in ["2030年", "56个", "56.5亿元", "49个村", "10项", "12个"] {
            #expect(home.contains(figure), "missing \(figure)")
        }
    }
}
