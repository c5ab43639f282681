import Testing
import Yams

@testable import QingshanKit

@Suite struct PersonalDataPolicyTests {
    static let villages = Dataset(
        name: "villages", path: "content/data/villages.csv",
        fields: [DataField(name: "name"), DataField(name: "contact"), DataField(name: "phone")],
        rows: [
            DataRow(
                values: ["name": .string("金华村"), "contact": .string("村委会 15228058022"), "phone": .integer(13_912_345_678)],
                location: SourceLocation(path: "content/data/villages.csv", line: 2),
                cellLocations: [
                    "name": SourceLocation(path: "content/data/villages.csv", line: 2, column: 1),
                    "contact": SourceLocation(path: "content/data/villages.csv", line: 2, column: 11),
                    "phone": SourceLocation(path: "content/data/villages.csv", line: 2, column: 37),
                ]),
            DataRow(
                values: ["name": .string("双河村"), "contact": .string("0818-2160133"), "phone": .null],
                location: SourceLocation(path: "content/data/villages.csv", line: 3)),
        ])

    @Test func datasetFindingsPointAtTheirCells() {
        let diagnostics = PersonalDataScanner.scan(dataset: Self.villages, policy: PersonalDataPolicy())
        #expect(diagnostics.map(\.message.id) == ["personal-mobile", "personal-mobile"])
        #expect(diagnostics.map { $0.location!.description } == ["content/data/villages.csv:2:11", "content/data/villages.csv:2:37"])
        #expect(diagnostics.map(\.message.text).allSatisfy { !$0.contains("15228058022") && !$0.contains("13912345678") })
    }

    @Test func allowedColumnsAndFilesPass() {
        let column = PersonalDataPolicy(allowances: [.init(target: .column(dataset: "villages", column: "contact"), reason: "村委会公开电话")])
        #expect(PersonalDataScanner.scan(dataset: Self.villages, policy: column).map { $0.location!.column } == [37])
        let file = PersonalDataPolicy(allowances: [.init(target: .file("content/data/"), reason: "公示名单")])
        #expect(PersonalDataScanner.scan(dataset: Self.villages, policy: file).isEmpty)
    }

    @Test func textFindingsRespectFileAllowances() {
        let policy = PersonalDataPolicy(allowances: [.init(target: .file("content/pages/contacts.md"), reason: "本人同意")])
        let text = PersonalDataScannerTests.letterContactLine
        #expect(PersonalDataScanner.scan(text, path: "content/pages/contacts.md", policy: policy).isEmpty)
        #expect(PersonalDataScanner.scan(text, path: "content/pages/letter.md", policy: policy).map(\.message.id) == ["personal-mobile"])
    }

    @Test func plainEntriesParse() {
        let at = SourceLocation(path: "content/site.yaml", line: 4)
        let (policy, diagnostics) = PersonalDataPolicy.parse(
            [
                ["file": "./content/pages/contacts.md", "reason": "本人同意公开"],
                ["column": "villages.contact", "reason": " 村委会电话 "],
                ["column": "villages.phone"],
                ["column": "villages", "reason": "x"],
                ["file": "a.md", "column": "v.c", "reason": "x"],
                ["file": "b.md", "reason": "x", "resaon": "typo"],
            ], at: at)
        #expect(
            policy.allowances == [
                .init(target: .file("content/pages/contacts.md"), reason: "本人同意公开", location: at),
                .init(target: .column(dataset: "villages", column: "contact"), reason: "村委会电话", location: at),
            ])
        #expect(
            diagnostics.map(\.message.id) == [
                "personal-data-allow-reason", "personal-data-allow-target", "personal-data-allow-target", "personal-data-allow-key",
            ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location == at })
    }

    @Test func yamlNodesParseWithPositionsInUTF8Bytes() throws {
        let yaml = """
            personalData:
              allow:
                - file: content/pages/联系.md
                  reason: 本人同意
                - column: villages.contact
                  reason: ""
                - {column: 村庄.电话}
                - {reason: 同意, colum: x}

            """
        let root = try #require(try Yams.compose(yaml: yaml))
        let node = try #require(root.mapping?["personalData"])
        let (policy, diagnostics) = PersonalDataPolicy.parse(node: node, path: "content/site.yaml", source: yaml)
        #expect(policy.allowances.map(\.target) == [.file("content/pages/联系.md")])
        #expect(policy.allowances.first?.location == SourceLocation(path: "content/site.yaml", line: 3, column: 7))
        #expect(
            CheckFixture.summary(diagnostics) == [
                "personal-data-allow-reason @ content/site.yaml:5:7",
                "personal-data-allow-reason @ content/site.yaml:7:7",
                // `colum` is the 20th character but starts at byte 24: 同意 is six bytes.
                "personal-data-allow-key @ content/site.yaml:8:24",
                "personal-data-allow-target @ content/site.yaml:8:7",
            ])
    }

    @Test func yamlOfTheWrongShapeIsReported() throws {
        let yaml = "personalData:\n  allow: content/pages/a.md\n  alow: []\n"
        let node = try #require(try Yams.compose(yaml: yaml)?.mapping?["personalData"])
        let (policy, diagnostics) = PersonalDataPolicy.parse(node: node, path: "site.yaml", source: yaml)
        #expect(policy.allowances.isEmpty)
        #expect(CheckFixture.summary(diagnostics) == ["personal-data-policy-shape @ site.yaml:2:10", "personal-data-allow-key @ site.yaml:3:3"])
    }
}
