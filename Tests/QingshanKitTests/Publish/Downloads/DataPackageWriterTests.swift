import Foundation
import Testing

@testable import QingshanKit

/// `data/datapackage.json`: what it says, and what it never invents.
@Suite struct DataPackageWriterTests {
    static func package(config: SiteConfig = config(), datasets: [Dataset] = [OpenDataSample.dataset]) throws -> [String: Any] {
        let resources = datasets.map { DataPackageWriter.Resource(dataset: $0, csv: DatasetCSVWriter.csv($0)) }
        let data = DataPackageWriter.json(config: config, resources: resources)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func config(_ yaml: String = "") -> SiteConfig {
        SiteConfig.parse("title: 万达开生态文明示范区\ndescription: 专栏\nfooter: {sponsor: 达州市生态环境局}\n" + yaml).config!
    }

    @Test func describesThePackage() throws {
        let package = try Self.package(
            config: Self.config(
                """
                openData:
                  name: wandakai
                  license: {name: CC-BY-4.0, path: https://creativecommons.org/licenses/by/4.0/}
                  sources: [{title: 达市环案〔2021〕3号}]
                """))
        #expect(package["$schema"] as? String == DataPackageWriter.profile)
        #expect(package["name"] as? String == "wandakai")
        #expect(package["title"] as? String == "万达开生态文明示范区")
        #expect(package["created"] as? String == "2021-12-31T00:00:00Z")
        #expect((package["licenses"] as? [[String: String]]) == [["name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"]])
        #expect((package["sources"] as? [[String: String]]) == [["title": "达市环案〔2021〕3号"]])
        let contributors = try #require(package["contributors"] as? [[String: Any]])
        #expect(contributors.first?["title"] as? String == "达州市生态环境局")
    }

    @Test func createdIsThePublishersDateWhenGiven() throws {
        let package = try Self.package(config: Self.config("openData: {created: 2021-03}\n"))
        #expect(package["created"] as? String == "2021-03-01T00:00:00Z")
    }

    @Test func withoutALicenceThereIsNone() throws {
        let package = try Self.package()
        #expect(package["licenses"] == nil)
        #expect(package["name"] as? String == "site")
    }

    @Test func theResourceIsTheCSVWithItsSizeAndHash() throws {
        let resource = try #require((try Self.package()["resources"] as? [[String: Any]])?.first)
        let csv = DatasetCSVWriter.csv(OpenDataSample.dataset)
        #expect(resource["name"] as? String == "villages")
        #expect(resource["path"] as? String == "villages.csv")
        #expect(resource["format"] as? String == "csv")
        #expect(resource["mediatype"] as? String == "text/csv")
        #expect(resource["encoding"] as? String == "utf-8")
        #expect((resource["bytes"] as? NSNumber)?.intValue == csv.count)
        #expect(resource["hash"] as? String == "sha256:" + SHA256.hex(csv))
        // Sample data says so.
        #expect(resource["description"] as? String == "样例数据，并非正式统计结果。测试用村庄。")
    }

    @Test func theSchemaIsComplete() throws {
        let resource = try #require((try Self.package()["resources"] as? [[String: Any]])?.first)
        let schema = try #require(resource["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["id", "name", "note", "budget", "progress", "updated"])
        #expect(fields.map { $0["type"] as? String } == ["string", "string", "string", "number", "integer", "date"])
        #expect(fields[3]["unit"] as? String == "万元")
        #expect(fields[0]["title"] as? String == "村庄代码")
        let progress = try #require(fields[4]["constraints"] as? [String: Any])
        #expect((progress["maximum"] as? NSNumber)?.intValue == 100)
        #expect((fields[5]["constraints"] as? [String: Any])?["minimum"] as? String == "2021-01-01")
        // A date's display format is not passed on: downloads write YYYY-MM-DD.
        #expect(fields[5]["format"] == nil)
        #expect(schema["primaryKey"] as? [String] == ["id"])
        // The referenced dataset is not in the package: its key is left out.
        #expect(schema["foreignKeys"] == nil)
    }

    @Test func foreignKeysIntoPublishedDatasetsStay() throws {
        let units = Dataset(name: "units", path: "content/data/units.yaml", fields: [DataField(name: "name")], rows: [])
        let resources = try #require(try Self.package(datasets: [units, OpenDataSample.dataset])["resources"] as? [[String: Any]])
        let keys = try #require((resources[1]["schema"] as? [String: Any])?["foreignKeys"] as? [[String: Any]])
        #expect(keys.first?["fields"] as? [String] == ["name"])
        #expect((keys.first?["reference"] as? [String: Any])?["resource"] as? String == "units")
    }

    @Test func sameInputSameBytes() {
        let resources = [DataPackageWriter.Resource(dataset: OpenDataSample.dataset, csv: DatasetCSVWriter.csv(OpenDataSample.dataset))]
        #expect(DataPackageWriter.json(config: Self.config(), resources: resources) == DataPackageWriter.json(config: Self.config(), resources: resources))
    }

    @Test(arguments: [("https://sthjj.dazhou.gov.cn/zt/wdk/", "sthjj.dazhou.gov.cn-zt-wdk"), ("http://Example.org", "example.org")])
    func nameFromTheSiteAddress(baseURL: String, name: String) {
        var config = Self.config()
        config.baseURL = baseURL
        #expect(DataPackageWriter.packageName(config) == name)
    }
}
