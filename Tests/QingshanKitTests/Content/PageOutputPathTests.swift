import Foundation
import Testing

@testable import QingshanKit

/// `Page.outputPath(forPagePath:slug:)`: the fast path agrees with splitting into components.
struct PageOutputPathTests {
    /// The rule written out by components, as it was before the fast path.
    private func byComponents(_ pagePath: String, slug: String?) -> String {
        var components = pagePath.split(separator: "/").map(String.init)
        let file = components.removeLast()
        let name = String(file.dropLast(3))
        if components.isEmpty && name == "404" { return "404.html" }
        if name == "index" {
            if let slug, !components.isEmpty { components[components.count - 1] = slug }
            return (components + ["index.html"]).joined(separator: "/")
        }
        return (components + [slug ?? name, "index.html"]).joined(separator: "/")
    }

    @Test func agreesWithTheRuleByComponents() {
        let paths = [
            "index.md", "404.md", "about.md", "news/index.md", "news/a.md", "news/404.md", "a/b/c.md", "a/b/index.md",
            "报告/二〇二四.md", "报告/index.md", ".md", "a/.md", "/a/b.md", "a//b.md", "a/b.txt", "index", "x/index.md", "md", "a.md.md", "a/b/c/index.md", "404/index.md", "a/404.md", "x\r\n/y.md", "ab",
            "/.md",
        ]
        for path in paths {
            for slug in [nil, "s", "专题"] as [String?] {
                #expect(Page.outputPath(forPagePath: path, slug: slug) == byComponents(path, slug: slug), "\(path) \(slug ?? "-")")
            }
        }
    }
}

/// `SourceListing.lowercasedExtension(of:)` agrees with Foundation's `pathExtension`.
struct SourceListingExtensionTests {
    @Test func agreesWithFoundation() {
        let names = [
            "a.md", "A.MD", "p-00005.md", "x.tar.gz", "noext", "a.", "..md", "a..b", "data.CSV", "报告.md", "a b.md", "a.m d", "Makefile",
            "v1.2_x-y.YAML", "é.md", "a.mD",
        ]
        for name in names {
            #expect(SourceListing.lowercasedExtension(of: name) == (name as NSString).pathExtension.lowercased(), "\(name)")
        }
    }
}
