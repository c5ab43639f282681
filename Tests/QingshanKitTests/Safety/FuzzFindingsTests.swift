import Foundation
import Testing

@testable import QingshanKit

/// Inputs the libFuzzer targets in `Fuzz/` found (docs/FUZZING.md), each kept as a test of
/// the fix: the reader answers with diagnostics, in bounded time and memory.
@Suite struct FuzzFindingsTests {
    /// `template`, out of memory: a template that includes itself twice (`{{< page}}` and
    /// `{{>* partialName}}` naming itself) doubles its work at each of the 64 levels the
    /// depth bound allows. The rendering now stops at a budget and says so.
    @Test func aTemplateIncludingItselfTwiceIsStoppedByTheWorkBudget() throws {
        let text = "{{<page}}{{$b}}x{{/b}}{{/page}}{{>*partialName}}{{=<% %>=}}<%title%>"
        let template = try Template(parsing: text)
        // A lower budget than a site's, so the test is quick in a debug build.
        let library = TemplateLibrary(templates: ["self": template, "page": template], maxSteps: 100_000)
        let output = try #require(library.render("page", context: ["partialName": "self", "title": "t"]))
        #expect(output.workExceeded)
        #expect(output.bytes.count < 1 << 20)
    }

    /// The same class without partials: sections nested over one list iterate it again at
    /// every level (3^40 times here).
    @Test func sectionsNestedOverTheSameListAreStoppedByTheWorkBudget() throws {
        let text = String(repeating: "{{#items}}", count: 40) + "{{.}}" + String(repeating: "{{/items}}", count: 40)
        let library = TemplateLibrary(templates: ["main": try Template(parsing: text)], maxSteps: 100_000)
        let output = try #require(library.render("main", context: ["items": ["a", "b", "c"]]))
        #expect(output.workExceeded)
        #expect(!output.partialDepthExceeded)
    }

    /// Every input the template fuzzer reported (Fixtures/fuzz/template/), run as the fuzz
    /// target runs it: parsed, linted and rendered with itself as its partials. Each now
    /// ends within the budget.
    @Test func theTemplateFuzzerFindingsEndWithinTheBudget() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/template")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 10)
        for file in files {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
            guard let template = try? Template(parsing: text) else { continue }
            _ = TemplateLint.check(template, path: file)
            let library = TemplateLibrary(templates: ["self": template, "page": template], maxSteps: 100_000)
            let output = try #require(library.render("page", context: ["partialName": "self", "title": "t", "pages": ["a", "b", "c"]]))
            #expect(output.bytes.count < 64 << 20, "\(file)")
        }
    }

    /// A site whose layout does this fails with an error at the page, not a hang (one page
    /// uses the layout: the site's budget costs seconds in a debug build).
    @Test func aLayoutStoppedByTheBudgetIsAnErrorAtThePage() throws {
        let site = try TemporarySite(copying: "basic")
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("content/templates")
        for folder in ["partials", "layouts"] {
            try FileManager.default.createDirectory(at: templates.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("{{> twice}}{{> twice}}".utf8).write(to: templates.appendingPathComponent("partials/twice.mustache"))
        try Data("<!doctype html><title>{{page.title}}</title>{{> twice}}{{{page.content}}}".utf8)
            .write(to: templates.appendingPathComponent("layouts/loop.mustache"))
        try Data("---\ntitle: 循环\nlayout: loop\n---\n正文\n".utf8).write(to: site.root.appendingPathComponent("content/pages/loop.md"))
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        let stopped = result.diagnostics.filter { $0.message.id == "template-work-exceeded" }
        #expect(stopped.map { $0.location?.path } == ["content/pages/loop.md"])
    }

    /// `xlsx`, timeout: a workbook whose ZIP directory is intact but whose
    /// data lost 400 bytes (as `unzip` says). On Linux, ZIPFoundation's inflate loop
    /// (`Data.decode`) ignores the entry's compressed size and, when the deflate stream
    /// has not ended by the end of the file, reads empty chunks forever: the build hangs.
    /// Main's workbook reader, which reads the file's bytes in memory, refuses it with an error.
    @Test
    func aDeflateStreamRunningPastItsEntryIsRefused() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/xlsx-deflate-runs-past-its-entry.xlsx")
        let bytes = try Data(contentsOf: url)
        let result = DatasetLoader.load(name: "x", path: "content/data/x.xlsx", workbook: bytes, schema: nil)
        #expect(result.dataset == nil)
        #expect(result.diagnostics.contains { $0.severity == .error })
    }
}
