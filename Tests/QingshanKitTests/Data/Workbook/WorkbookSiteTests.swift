import Foundation
import Testing
import ZIPFoundation

@testable import QingshanKit

/// The village tracker kept as a workbook builds the same site as kept as CSV.
@Suite struct WorkbookSiteTests {
    /// The repository's site with villages.csv replaced by the workbook of the same data
    /// (title row, column titles as headers, codes as numbers, Chinese date format).
    private func workbookSite(_ fixture: String = "villages.xlsx") throws -> TemporarySite {
        let site = try TemporarySite(copyingEverything: ())
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/data/villages.csv"))
        try workbookFixture(fixture).write(to: site.root.appendingPathComponent("content/data/villages.xlsx"))
        try site.append("\ndialect: {sheetName: 村庄名单, headerRows: [2]}\n", to: "content/data/villages.schema.yaml")
        return site
    }

    /// Written by XlsxWriter (shared strings, as Excel writes), and written by openpyxl then
    /// re-saved by LibreOffice Calc (its own styles, `yyyy\年m\月d\日`, a rich-text title).
    @Test(arguments: ["villages.xlsx", "villages-libreoffice.xlsx"])
    func villagePagesFromTheWorkbookEqualThoseFromTheCSV(fixture: String) throws {
        let csvSite = try TemporarySite(copyingEverything: ())
        defer { csvSite.remove() }
        let xlsxSite = try workbookSite(fixture)
        defer { xlsxSite.remove() }
        let fromCSV = SiteBuilder(root: csvSite.root).build()
        let fromWorkbook = SiteBuilder(root: xlsxSite.root).build()
        try #require(fromCSV.succeeded)
        try #require(fromWorkbook.succeeded, "\(fromWorkbook.diagnostics.sorted.map(\.description))")
        let villagePages = fromCSV.files.keys.filter { $0.contains("villages/") || $0.hasPrefix("rural-remediation/") }
        #expect(villagePages.count >= 49)
        for path in villagePages.sorted() {
            #expect(fromWorkbook.files[path] == fromCSV.files[path], "\(path) differs")
        }
        #expect(Set(fromWorkbook.files.keys) == Set(fromCSV.files.keys))
    }

    @Test func aTextInANumberCellStopsTheBuildNamingTheCell() throws {
        let site = try workbookSite()
        defer { site.remove() }
        // The same workbook, one budget typed as text: rewritten by the test, cell K5.
        let bad = try workbookFixture("problems.xlsx")
        try bad.write(to: site.root.appendingPathComponent("content/data/checks.xlsx"))
        try site.write(
            """
            fields:
              - {name: id}
              - {name: name}
              - {name: budget, title: 投资, type: number}
              - {name: ratio, type: number}
              - {name: updated, type: date}
            """, to: "content/data/checks.schema.yaml")
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        let messages = result.diagnostics.sorted.map(\.description)
        #expect(messages.contains("content/data/checks.xlsx:2:3: error: 村庄名单!C2: field 'budget': '七十' is not a number"))
    }

    /// The workbook with one part's text changed, as Excel saves an edit: a new file.
    private func edit(_ url: URL, part: String, _ old: String, _ new: String) throws {
        let source = try Archive(url: url, accessMode: .read)
        var parts: [(path: String, bytes: Data)] = []
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            if entry.path == part {
                let text = String(decoding: bytes, as: UTF8.self)
                try #require(text.contains(old))
                bytes = Data(text.replacingOccurrences(of: old, with: new).utf8)
            }
            parts.append((path: entry.path, bytes: bytes))
        }
        try zipParts(parts).write(to: url)
    }

    @Test func editingOneCellRendersThatVillageAndThePagesShowingVillages() throws {
        let site = try workbookSite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        func build() throws -> BuildResult {
            let result = SiteBuilder.incremental(root: site.root, output: output).build()
            try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
            _ = try OutputWriter(root: site.root, output: output).write(result)
            return result
        }
        _ = try build()
        #expect(try build().renderedPageCount == 0)
        try edit(
            site.root.appendingPathComponent("content/data/villages.xlsx"), part: "xl/worksheets/sheet1.xml",
            #"<c r="K3"><v>76.8</v></c>"#, #"<c r="K3"><v>80</v></c>"#)
        let result = try build()
        let pages = Set(result.files.keys).filter { $0.hasSuffix(".html") }
        // As for the CSV: the record, the tracker page, the data catalogue (issue 16) that lists
        // the file, and the 本期变化 pages (issue 17), made on every build.
        #expect(
            pages == [
                "rural-remediation/villages/511702001001/index.html", "rural-remediation/index.html", "data/index.html", "changes/index.html",
                "changes/2021-09-30/index.html",
            ])
    }
}
