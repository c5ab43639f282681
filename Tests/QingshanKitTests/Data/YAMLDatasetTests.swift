import Foundation
import Testing

@testable import QingshanKit

@Suite struct YAMLDatasetTests {
    static let schema = "fields: [{name: code}, {name: answer}, {name: n, type: integer}, {name: d, type: date}]"

    @Test func yamlIsTypedBySchemaNotGuessed() throws {
        let yaml = "- {code: 0510, answer: no, n: 7, d: 2021-04-01}\n- code: '12'\n  answer: ~\n"
        let (dataset, diagnostics) = loadInline(yaml, file: "x.yaml", schema: Self.schema)
        #expect(diagnostics.isEmpty)
        #expect(dataset.rows[0]["code"] == .string("0510"))
        #expect(dataset.rows[0]["answer"] == .string("no"))
        #expect(dataset.rows[0]["n"] == .integer(7))
        #expect(dataset.rows[0]["d"] == .date(year: 2021, month: 4, day: 1))
        #expect(dataset.rows[1]["answer"] == .null)
        #expect(dataset.rows[1].location.line == 2)
    }

    @Test func jsonWithTabsAndPositionsInBytes() throws {
        let json = "[\n\t{\"code\": \"青山\", \"n\": \"x\"}\n]\n"
        let (_, diagnostics) = loadInline(json, file: "x.json", schema: Self.schema)
        // Tab (1 byte) + `{"code": "青山", "n": ` (24 bytes, 青山 is 6): the value starts at byte 26.
        #expect(positions(diagnostics) == ["value-type@2:26"])
    }

    @Test func duplicateKeysAreAnError() {
        let (_, diagnostics) = loadInline("- {code: a, code: b}\n", file: "x.yaml")
        #expect(diagnostics.map(\.message.id) == ["yaml-duplicate-key"])
        #expect(diagnostics.first?.location?.line == 1)
    }

    @Test func aliasBombsAreRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (dataset, diagnostics) = loadInline("# a comment with *stars*\n" + yaml, file: "bomb.yaml")
        #expect(diagnostics.map(\.message.id) == ["yaml-alias-bomb"])
        // At the first alias: line 3, after the 9 bytes of `l1: &l1 [`.
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.location?.column == 10)
        #expect(dataset.rows.isEmpty)
    }

    @Test func aDatasetMustBeAListOfRecords() {
        #expect(positions(loadInline("a: 1\n", file: "x.yaml").diagnostics) == ["yaml-not-a-list@1:1"])
        #expect(
            positions(loadInline("- 1\n- {a: [1, 2]}\n", file: "x.yaml").diagnostics) == [
                "yaml-row-not-record@1:3", "yaml-value-not-scalar@2:7",
            ])
        #expect(positions(loadInline("- {a: 1\n", file: "x.yaml").diagnostics).first?.hasPrefix("yaml-syntax@") == true)
    }
}
