import Foundation
import Testing

@testable import QingshanKit

@Suite struct MarkdownGuardTests {
    static let old = (major: 0, minor: 30, patch: 2)
    static let fixed = (major: 0, minor: 31, patch: 0)

    @Test func imageOpenersArePositionedWhereTheShapeStarts() throws {
        let body = "第一段。\n\n开头 " + String(repeating: "![[]()", count: 2_001) + "\n"
        let found = MarkdownGuard.check(body, path: "content/pages/a.md", lineOffset: 4, cmarkVersion: Self.old)
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.message.id == "markdown-many-image-openers")
        // Line 3 of the body is line 7 of the file; "开头 " is 7 UTF-8 bytes.
        #expect(error.location == SourceLocation(path: "content/pages/a.md", line: 7, column: 8))
        #expect(error.notes.first?.contains("CVE-2023-22486") == true)
        #expect(error.notes.first?.contains("0.30.2") == true)
    }

    @Test func aFixedLibraryOnlyKeepsTheSizeLimit() {
        let images = String(repeating: "![[]()", count: 3_000)
        let quote = String(repeating: ">", count: 5_000) + String(repeating: "*a", count: 5_000)
        let shapes = images + "\n\n" + quote
        #expect(!MarkdownGuard.check(shapes, path: "p.md", cmarkVersion: Self.old).isEmpty)
        #expect(MarkdownGuard.check(shapes, path: "p.md", cmarkVersion: Self.fixed).isEmpty)
        let huge = String(repeating: "x", count: SafetyLimits.maxMarkdownBytes + 1)
        #expect(MarkdownGuard.check(huge, path: "p.md", cmarkVersion: Self.fixed).map(\.message.id) == ["file-too-large"])
    }

    @Test func blankLinesBelowADeepListAreRefusedAtTheDeepLine() throws {
        let body = "intro\n\n" + String(repeating: "- ", count: 3_000) + "x\n" + String(repeating: "\n", count: 3_000)
        let error = try #require(MarkdownGuard.check(body, path: "p.md", cmarkVersion: Self.old).first)
        #expect(error.message.id == "markdown-deep-list-blank-lines")
        #expect(error.location?.line == 3)
    }

    /// Blocks each under a limit still add up: cmark's time does too (45 deep lists with
    /// 399 blank lines each took 9.2 s in the 0.30.2 CLI).
    @Test func shapesAddUpOverThePage() throws {
        let quote = String(repeating: ">", count: 1_000) + String(repeating: "*a", count: 4_000) + "\n\n"
        let quotes = try #require(MarkdownGuard.check(String(repeating: quote, count: 3), path: "p.md", cmarkVersion: Self.old).first)
        #expect(quotes.message.id == "markdown-deep-quote-emphasis")
        #expect(quotes.location?.line == 5)
        let images = String(repeating: "![[]()", count: 1_500) + "\n\n"
        let imageError = try #require(MarkdownGuard.check(String(repeating: images, count: 10), path: "p.md", cmarkVersion: Self.old).first)
        #expect(imageError.message.id == "markdown-many-image-openers")
        #expect(imageError.location?.line == 17)
        let list = String(repeating: "- ", count: 10_000) + "x" + String(repeating: "\n", count: 150) + "a\n"
        let lists = try #require(MarkdownGuard.check(String(repeating: list, count: 3), path: "p.md", cmarkVersion: Self.old).first)
        #expect(lists.message.id == "markdown-deep-list-blank-lines")
        #expect(lists.location?.line == 2 * 151 + 1)
    }

    /// Everyday shapes stay far below every threshold: nested lists with blank lines,
    /// quotes with emphasis, a paragraph full of images.
    @Test(arguments: ["nested lists", "quotes", "images"])
    func ordinaryDocumentsPass(_ shape: String) {
        let body =
            switch shape {
            case "nested lists": (0..<2_000).map { _ in "- 一级\n\n  - 二级\n\n    - 三级 **重点**\n\n" }.joined()
            case "quotes": (0..<500).map { _ in "> > 引用 *强调* 与 __加粗__ ![图](a.png)\n" }.joined()
            default: (0..<1_500).map { "![图\($0)](images/\($0).png) " }.joined()
            }
        #expect(MarkdownGuard.check(body, path: "p.md", cmarkVersion: Self.old).isEmpty)
    }

    @Test func theBundledPagesPass() throws {
        let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content/pages")
        let files = SourceFile.list(in: pages, extensions: ["md"])
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: pages.appendingPathComponent(file), encoding: .utf8)
            #expect(MarkdownGuard.check(text, path: file, cmarkVersion: Self.old).isEmpty, "\(file)")
            #expect(TextSafety.scan(text.utf8, path: file).isEmpty, "\(file)")
        }
    }

    @Test func theLinkedVersionIsReadAtRunTime() {
        let parts = Markdown.cmarkVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count == 3)
        #expect(parts[0] == 0 && parts[1] >= 29)
    }
}
