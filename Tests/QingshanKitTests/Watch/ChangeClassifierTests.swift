import Testing

@testable import QingshanKit

@Suite struct ChangeClassifierTests {
    @Test(arguments: [
        ("content/site.yaml", ChangeKind.config),
        ("content/pages/goals.md", .page),
        ("content/pages/updates/index.md", .page),
        ("content/data/villages.csv", .data),
        ("content/data/villages.schema.yaml", .data),
        ("content/static/files/report.pdf", .static),
        ("content/templates/layouts/page.mustache", .template),
        ("content/templates/partials/nav.mustache", .template),
        ("content/templates/assets/site.css", .static),
        ("site-templates/default/layouts/home.mustache", .template),
        ("site-templates/default/partials/footer.mustache", .template),
        ("site-templates/default/assets/style.css", .static),
        ("site-templates/default/assets/js/search.js", .static),
        ("content/notes.txt", .other),
        ("content", .other),
        ("README.md", .other),
    ])
    func kind(path: String, expected: ChangeKind) {
        #expect(ChangeClassifier.kind(of: path) == expected)
    }

    @Test func oneChangeNamesTheFile() {
        #expect(ChangeClassifier.summary(of: ["content/data/villages.csv"]) == "content/data/villages.csv (data)")
    }

    @Test func severalChangesAreCountedByKindInAFixedOrder() {
        let summary = ChangeClassifier.summary(of: [
            "site-templates/default/layouts/page.mustache", "content/pages/a.md", "content/data/v.csv",
            "content/pages/b.md", "content/pages/a.md",
        ])
        #expect(summary == "4 files: 2 pages, 1 data, 1 template")
    }
}

@Suite struct EditorTempFilesTests {
    @Test(arguments: [
        "content/pages/.#goals.md",  // Emacs lock
        "content/pages/goals.md~",  // backup
        "content/pages/.goals.md.swp",  // Vim swap
        "content/pages/.goals.md.swx",
        "content/data/~$villages.xlsx",  // Office owner file
        "content/data/.~lock.villages.csv#",  // LibreOffice lock
        "content/pages/4913",  // Vim's write probe
        "content/pages/#goals.md#",  // Emacs auto-save
        "content/data/~WRL0001.tmp",
        "content/pages/.goutputstream-3F2XZ1",
        "content/.git/index",
        "content/pages/.DS_Store",
    ])
    func ignored(path: String) {
        #expect(EditorTempFiles.isIgnored(path))
    }

    @Test(arguments: [
        "content/pages/goals.md", "content/data/villages.csv", "content/site.yaml",
        "content/pages/4913.md", "content/static/files/a~b.txt", "site-templates/default/assets/style.css",
    ])
    func kept(path: String) {
        #expect(!EditorTempFiles.isIgnored(path))
    }
}
