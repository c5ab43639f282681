import Foundation
import Testing

@testable import QingshanKit

@Suite struct DeepStructureSafetyTests {
    @Test(arguments: ["> ", "- "])
    func deepMarkdownBuildsThroughTheWholePipeline(marker: String) throws {
        let body = String(repeating: marker, count: 25_000) + "深\n"
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        try site.write("---\ntitle: 深\n---\n\n" + body, to: "content/pages/deep.md")
        let result = SiteBuilder(root: site.root).build()
        #expect(result.succeeded, "\(result.diagnostics.items.prefix(3))")
        let html = String(decoding: try #require(result.files["deep/index.html"]), as: UTF8.self)
        #expect(html.contains("深"))
    }

    @Test func deepFrontMatterIsRefusedBeforeParsing() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let nested = String(repeating: "[", count: 25_000) + String(repeating: "]", count: 25_000)
        try site.write("---\ntitle: 深\ntags: \(nested)\n---\n\n正文\n", to: "content/pages/deep.md")
        let result = SiteBuilder(root: site.root).build()
        let error = try #require(result.diagnostics.items.first { $0.message.id == "yaml-too-deep" })
        // `tags: ` is 6 bytes; the 500th `[` is within the limit, the 501st (depth 501 counting
        // the `tags:` mapping level) is where the text is refused.
        #expect(error.location == SourceLocation(path: "content/pages/deep.md", line: 3, column: 506))
        #expect(!result.succeeded)
    }

    @Test(arguments: ["json", "yaml"])
    func deepDatasetsAreRefusedWithAPosition(_ ext: String) throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let text =
            ext == "json"
            ? "[\n" + String(repeating: "{\"a\": [", count: 12_500) + "1" + String(repeating: "]}", count: 12_500) + "\n]\n"
            : (0..<2_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        try site.write(text, to: "content/data/deep.\(ext)")
        let result = SiteBuilder(root: site.root).build()
        let error = try #require(result.diagnostics.items.first { $0.message.id == "yaml-too-deep" })
        #expect(error.location?.path == "content/data/deep.\(ext)")
        #expect(error.location?.line == (ext == "json" ? 2 : 1_001))
        #expect(!result.succeeded)
    }

    /// Just under the limit Yams composes, and Swift frees, without exhausting the stack,
    /// here on a Swift Testing thread and on Dispatch's worker threads.
    @Test func nestingUpToTheLimitComposes() throws {
        let flow = String(repeating: "[", count: SafetyLimits.maxYAMLDepth - 1) + String(repeating: "]", count: SafetyLimits.maxYAMLDepth - 1)
        // One-space indentation nests twice as deep as the scan estimates.
        let block = (0..<(2 * SafetyLimits.maxYAMLDepth - 4)).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        for text in [flow, block] {
            let parsed = YAMLDocument.parse(text, path: "x.yaml")
            #expect((try? parsed.get())?.root != nil)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                _ = YAMLDocument.parse(text, path: "x.yaml")
            }
        }
    }
}
