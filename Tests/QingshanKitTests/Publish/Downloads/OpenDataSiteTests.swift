import Foundation
import Testing

@testable import QingshanKit

/// The downloads of the all-features site (the bundled site's content), built end to end.
@Suite struct OpenDataSiteTests {
    static func build(_ site: TemporarySite) throws -> BuildResult {
        let result = SiteBuilder(root: site.root).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        return result
    }

    /// Builds into the site's `public/` folder, reusing what the last build left.
    static func buildIncrementally(_ site: TemporarySite) throws -> (result: BuildResult, summary: WriteSummary) {
        let output = site.root.appendingPathComponent("public")
        let result = SiteBuilder.incremental(root: site.root, output: output).build()
        try #require(result.succeeded, "\(result.diagnostics.sorted.map(\.description))")
        return (result, try OutputWriter(root: site.root, output: output).write(result))
    }

    @Test func everyDatasetHasItsThreeDownloadsAndThePackage() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let files = try Self.build(site).files
        for name in ["agreements", "funding", "meetings", "milestones", "units", "villages"] {
            for format in ["csv", "xlsx", "json"] { #expect(files["data/\(name).\(format)"] != nil, "data/\(name).\(format)") }
        }
        #expect(files["data/datapackage.json"] != nil)
        #expect(files["data/index.html"] != nil)
    }

    @Test func theVillageDownloadsHoldFortyNineRows() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let files = try Self.build(site).files
        let csvBytes = try #require(files["data/villages.csv"])
        let csv = String(decoding: csvBytes.dropFirst(3), as: UTF8.self)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 50)
        let jsonBytes = try #require(files["data/villages.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonBytes) as? [Any])
        #expect(json.count == 49)
        let workbook = try #require(files["data/villages.xlsx"])
        let sheet = try #require(try DatasetXLSXWriterTests.parts(workbook)["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<row r="50">"#) && !sheet.contains(#"<row r="51">"#))
    }

    @Test func exactlyOneLicenceWarningAndNoInventedLicence() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let result = try Self.build(site)
        #expect(result.diagnostics.filter { $0.message.id == "open-data-without-license" }.count == 1)
        let packageBytes = try #require(result.files["data/datapackage.json"])
        let package = try #require(try JSONSerialization.jsonObject(with: packageBytes) as? [String: Any])
        #expect(package["licenses"] == nil)
        #expect(package["name"] as? String == "wandakai-eco-zone")
    }

    @Test func reportsAndRecordsLinkTheirData() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let files = try Self.build(site).files
        let report = String(decoding: try #require(files["rural-remediation/index.html"]), as: UTF8.self)
        #expect(report.contains(#"下载数据：<a href="../data/villages.csv">CSV"#))
        let record = String(decoding: try #require(files["rural-remediation/villages/511702001001/index.html"]), as: UTF8.self)
        #expect(record.contains(#"<a href="../../../data/villages.xlsx">XLSX"#))
        let home = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(home.contains(#"<a href="data/index.html">数据下载</a>"#))
    }

    @Test func theCatalogueMatchesItsGoldenAndIsSearchable() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let files = try Self.build(site).files
        let catalogue = try #require(files["data/index.html"])
        try Golden.expect(String(decoding: catalogue, as: UTF8.self), matches: "open-data/catalogue.html")
        let index = String(decoding: try #require(files["search-index.js"]), as: UTF8.self)
        #expect(index.contains("data/index.html"))
    }

    @Test func twoBuildsGiveTheSameDownloads() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        let first = try Self.build(site).files.filter { $0.key.hasPrefix("data/") }
        let second = try Self.build(site).files.filter { $0.key.hasPrefix("data/") }
        #expect(first.count == 20)
        #expect(first == second)
    }

    /// Whether the catalogue exists shows on every page (the footer links it): publishing
    /// no dataset any more renders every page again, so no page keeps a dead link.
    @Test func publishingNothingRendersEveryPageAgain() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        _ = try Self.buildIncrementally(site)
        for name in ["agreements", "funding", "meetings", "milestones", "units", "villages"] {
            try site.append("publish: false\n", to: "content/data/\(name).schema.yaml")
        }
        let result = try Self.buildIncrementally(site).result
        #expect(result.renderedPageCount == 73)
        #expect(result.files.keys.filter { $0.hasPrefix("data/") }.isEmpty)
        let home = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(!home.contains("数据下载"))
    }

    /// Personal data a page may show (allowed with a reason) is still not offered as a file.
    @Test func allowedPersonalDataIsNotPublishedAsAFile() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try site.write("name,phone\n村委会,13800138000\n", to: "content/data/contacts.csv")
        try site.append("personalData:\n  allow:\n    - column: contacts.phone\n      reason: 村委会公开电话\n", to: "content/site.yaml")
        let result = try Self.build(site)
        #expect(result.files["data/contacts.csv"] == nil)
        #expect(result.files["data/villages.csv"] != nil)
        let warning = try #require(result.diagnostics.first { $0.message.id == "open-data-personal-data" })
        #expect(warning.location == SourceLocation(path: "content/data/contacts.csv", line: 2, column: 11))
    }

    @Test func aDownloadNeverOverwritesAStaticFile() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        try site.write("x", to: "content/static/data/villages.csv")
        let result = SiteBuilder(root: site.root).build()
        #expect(!result.succeeded)
        let collision = try #require(result.diagnostics.first { $0.message.id == "open-data-path-taken" })
        #expect(collision.location?.path == "content/data/villages.csv")
    }

    @Test func editingOneDatasetRewritesOnlyItsDownloads() throws {
        let site = try TemporarySite(copyingEverything: ())
        defer { site.remove() }
        _ = try Self.buildIncrementally(site)
        try site.write(
            try String(contentsOf: site.root.appendingPathComponent("content/data/funding.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "projects: 56,", with: "projects: 57,"), to: "content/data/funding.yaml")
        let summary = try Self.buildIncrementally(site).summary
        #expect(summary.changed.filter { $0.hasPrefix("data/") }.sorted() == ["data/datapackage.json", "data/funding.csv", "data/funding.json", "data/funding.xlsx"])
    }
}
