import Foundation
import Testing

@testable import QingshanKit

/// `qingshan new`: the starter site builds with the theme inside the binary and passes
/// every check `qingshan check` runs, broken links included.
@Suite struct StarterSiteTests {
    @Test func starterSiteBuildsAndChecksClean() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try StarterSite.write(title: "某某局生态环境专栏", to: root)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site-templates").path))
        var builder = SiteBuilder(root: root)
        builder.outputChecks = OutputCheckOptions(links: true, offline: true, accessibility: true, personalData: true)
        let result = builder.build()
        #expect(result.succeeded)
        let problems = result.diagnostics.items.filter { $0.severity != .note }
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        for page in ["index.html", "progress/index.html", "updates/index.html", "about/index.html", "assets/style.css"] {
            #expect(result.files[page] != nil, "\(page) missing")
        }
        let progress = String(decoding: result.files["progress/index.html"] ?? Data(), as: UTF8.self)
        #expect(progress.contains("示例项目二") && progress.contains("<svg"))
        #expect(String(decoding: result.files["index.html"] ?? Data(), as: UTF8.self).contains("某某局生态环境专栏"))
    }

    @Test func siteYAMLCarriesTheFooterFieldsCommented() {
        let yaml = StarterSite.files(title: "专栏")["content/site.yaml"] ?? ""
        for field in ["siteIDCode", "icp", "publicSecurity", "errorReportURL"] {
            #expect(yaml.contains("  # \(field):"), "\(field)")
        }
        #expect(StarterSite.files(title: "a \"quoted\" 专栏")["content/site.yaml"]?.contains(#"title: "a \"quoted\" 专栏""#) == true)
    }
}
