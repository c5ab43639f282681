import Testing

@testable import QingshanKit

@Suite struct FrontMatterTests {
    @Test func splitsFieldsFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: 关于\n---\n正文\n", path: "a.md").get()
        #expect(split.yaml == "title: 关于\n")
        #expect(split.body == "正文\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func crlfFilesSplitToo() throws {
        let split = try FrontMatter.split("---\r\ntitle: x\r\n---\r\nbody", path: "a.md").get()
        #expect(split.bodyLineOffset == 3)
        #expect(split.body == "body")
    }

    @Test func readsTypedFieldsWithoutGuessing() {
        let (matter, diagnostics) = FrontMatter.parse("title: no\ndate: 2021-03-05\nweight: 3\ndraft: false\ncounty: 0510\ntags: [a, b]\n", path: "a.md")
        #expect(diagnostics.isEmpty)
        #expect(matter.title == "no")
        #expect(matter.date == "2021-03-05")
        #expect(matter.weight == 3)
        #expect(matter.params["county"] == .text("0510"))
        #expect(matter.params["tags"] == .list([.text("a"), .text("b")]))
        #expect(matter.params["tags"]?.description == "a、b")
    }

    @Test(arguments: [
        ("title: [x\n", "yaml-syntax", "a.md:3:1"),
        ("title: 关于\nweight: heavy\n", "invalid-value", "a.md:3:9"),
        ("title: 关于\ndraft: yes\n", "invalid-value", "a.md:3:8"),
        ("title: 关于\ntitle: 又\n", "yaml-duplicate-key", "a.md:2:1"),
        ("title: 关于\nslug: con\n", "reserved-output-name", "a.md:3:7"),
        ("title: 关于\nslug: notes.\n", "reserved-output-name", "a.md:3:7"),
        ("title: 关于\nslug: " + String(repeating: "长", count: 90) + "\n", "output-name-too-long", "a.md:3:7"),
        ("- a\n- b\n", "front-matter-not-mapping", "a.md:2:1"),
        ("summary: 中文\ndate: 2021-13-01\n", "invalid-date", "a.md:3:7"),
    ])
    func badFieldsArePositionedInTheFile(_ yaml: String, _ id: String, _ location: String) {
        let (_, diagnostics) = FrontMatter.parse(yaml, path: "a.md")
        let match = diagnostics.first { $0.message.id == id }
        #expect(match?.location?.description == location, "got \(diagnostics.map(\.description))")
    }

    @Test func columnsCountUTF8Bytes() {
        let (_, diagnostics) = FrontMatter.parse("title: 关于\nsummary: 中文\nweight: 中\n", path: "a.md")
        #expect(diagnostics.first?.location?.description == "a.md:4:9")
    }

    @Test func aDuplicateKeyNamesBothLines() {
        // The inner mapping's `a` is found first; front matter starts on line 2, below `---`.
        let (_, diagnostics) = FrontMatter.parse("title: 关于\nsummary: 概要\nlinks:\n  a: 1\n  b: 2\n\n  # note\n  a: 3\ntitle: 又\n", path: "a.md")
        let duplicate = diagnostics.first { $0.message.id == "yaml-duplicate-key" }
        #expect(duplicate?.location?.description == "a.md:5:3")
        #expect(duplicate?.message.text.hasSuffix("lines 5 and 9") == true, "\(duplicate?.message.text ?? "")")
        #expect(duplicate?.message.zh?.hasSuffix("第 5 行和第 9 行") == true)
        let (_, top) = FrontMatter.parse("title: 关于\nsummary: 概要\ntitle: 又\n", path: "a.md")
        #expect(top.first?.message.text.hasSuffix("lines 2 and 4") == true)
    }

    @Test func anOutputNameTooLongForTheFileSystemIsAnError() {
        let name = String(repeating: "村", count: 86)  // 258 bytes
        let diagnostics = OutputPathRules.check(outputs: ["villages/\(name)/index.html": SourceLocation(path: "content/data/villages.csv", line: 4, column: 1)])
        #expect(diagnostics.map(\.message.id) == ["output-name-too-long"])
        #expect(diagnostics.first?.location?.description == "content/data/villages.csv:4:1")
        #expect(diagnostics.first?.message.text.contains("258 bytes") == true)
    }
}
