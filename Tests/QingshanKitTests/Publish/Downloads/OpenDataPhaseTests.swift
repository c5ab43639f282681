import Foundation
import Testing

@testable import QingshanKit

/// What is published, and what the build says about it.
@Suite struct OpenDataPhaseTests {
    static let config = DataPackageWriterTests.config()

    @Test func warnsOnceWithoutALicenceAndAtEachFormulaCell() {
        let phase = OpenDataPhase(config: Self.config, datasets: ["villages": OpenDataSample.dataset], personalData: [:])
        #expect(phase.published.map(\.name) == ["villages"])
        #expect(phase.diagnostics.map(\.message.id) == ["open-data-formula-cell", "open-data-without-license"])
        #expect(phase.diagnostics.allSatisfy { $0.severity == .warning })
        // At the source cell: line 3, byte column 32 of villages.csv (13 + 18 bytes before it).
        #expect(phase.diagnostics[0].location == SourceLocation(path: "content/data/villages.csv", line: 3, column: 32))
    }

    @Test func aLicenceSilencesTheWarning() {
        let config = DataPackageWriterTests.config("openData: {license: CC-BY-4.0}\n")
        let phase = OpenDataPhase(config: config, datasets: ["units": Dataset(name: "units", path: "content/data/units.yaml", fields: [], rows: [])], personalData: [:])
        #expect(phase.diagnostics.isEmpty)
    }

    @Test func publishFalseAndPersonalDataKeepADatasetOut() {
        var hidden = OpenDataSample.dataset
        hidden.name = "hidden"
        hidden.schema?.publish = false
        var people = OpenDataSample.dataset
        people.name = "people"
        people.path = "content/data/people.csv"
        let phase = OpenDataPhase(config: Self.config, datasets: ["hidden": hidden, "people": people], personalData: ["people": SourceLocation(path: "content/data/people.csv", line: 3, column: 14)])
        #expect(phase.published.isEmpty)
        #expect(phase.diagnostics.map(\.message.id) == ["open-data-personal-data"])
        #expect(phase.diagnostics.first?.location == SourceLocation(path: "content/data/people.csv", line: 3, column: 14))
        #expect(phase.files(config: Self.config).files.isEmpty)
    }

    @Test func writesThreeDownloadsPerDatasetAndThePackage() {
        let phase = OpenDataPhase(config: Self.config, datasets: ["villages": OpenDataSample.dataset], personalData: [:])
        let made = phase.files(config: Self.config)
        #expect(made.diagnostics.isEmpty)
        #expect(made.files.keys.sorted() == ["data/datapackage.json", "data/villages.csv", "data/villages.json", "data/villages.xlsx"])
        #expect(Set(phase.outputPaths) == Set(made.files.keys).union(["data/index.html"]))
    }

    @Test func publishFalseIsReadFromTheSchema() throws {
        let schema = OpenDataSample.schema + "publish: false\n"
        let dataset = loadInline(OpenDataSample.csv, schema: schema).dataset
        #expect(dataset.schema?.publish == false)
    }
}
