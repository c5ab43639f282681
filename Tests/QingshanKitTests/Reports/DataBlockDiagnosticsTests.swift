import Testing

@testable import QingshanKit

/// Every problem in a data block is an error at the exact `line:column` (UTF-8 bytes) of the
/// offending key or value in the Markdown file. The bodies below start on line 10.
@Suite struct DataBlockDiagnosticsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var view: String
        var body: String
        var column = 1
        /// `message id @ line:column`, in the order reported.
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown view points at the fence", view: "graph", body: "source: villages\n",
            expected: ["data-block-unknown-view @ 9:1"]),
        Case(
            name: "unknown option", view: "table", body: "source: villages\ncolour: red\n",
            expected: ["data-block-unknown-option @ 11:1"]),
        Case(
            name: "unknown option under an indented fence", view: "table", body: "source: villages\ncolour: red\n",
            column: 3, expected: ["data-block-unknown-option @ 11:3"]),
        Case(
            name: "option of another view", view: "stat", body: "source: villages\nx: county\n",
            expected: ["data-block-unknown-option @ 11:1"]),
        Case(
            name: "missing source points at the fence", view: "table", body: "title: 进度\n",
            expected: ["data-block-missing-option @ 9:1"]),
        Case(
            name: "unknown source points at its value", view: "table", body: "source: villagez\n",
            expected: ["data-block-unknown-source @ 10:9"]),
        Case(
            name: "unknown column", view: "table", body: "source: villages\ntitle: 整治进度\ncolumns: [name, 县区]\n",
            expected: ["data-block-unknown-field @ 12:17"]),
        // "filter: {status: 已完工, " is 23 scalars but 29 bytes: columns count bytes.
        Case(
            name: "unknown field after Chinese text", view: "table", body: "source: villages\nfilter: {status: 已完工, 县: 宣汉县}\n",
            expected: ["data-block-unknown-field @ 11:29"]),
        Case(
            name: "descending sort points past the minus", view: "table", body: "source: villages\nsort: -investmnt\n",
            expected: ["data-block-unknown-field @ 11:8"]),
        Case(
            name: "wrong type", view: "table", body: "source: villages\nlimit: many\n",
            expected: ["data-block-wrong-type @ 11:8"]),
        Case(
            name: "unknown chart type", view: "chart", body: "source: villages\ntype: pie\nx: county\n",
            expected: ["data-block-unknown-value @ 11:7"]),
        Case(
            name: "sum of a text field", view: "chart", body: "source: villages\nx: county\ny: status\n",
            expected: ["data-block-not-numeric @ 12:4"]),
        Case(
            name: "unknown format in a column", view: "table",
            body: "source: villages\ncolumns:\n  - {field: investment, format: money-wanyuan}\n",
            expected: ["data-block-unknown-value @ 12:33"]),
        Case(
            name: "every problem is collected", view: "chart",
            body: "source: villages\ncolour: red\nx: 县\ny: [investment, 金额]\nfilter: {state: 在建}\n",
            expected: [
                "data-block-unknown-option @ 11:1", "data-block-unknown-field @ 14:10",
                "data-block-unknown-field @ 12:4", "data-block-unknown-field @ 13:17",
            ]),
        Case(
            name: "progress needs done", view: "progress", body: "source: villages\ngroupBy: county\n",
            expected: ["data-block-missing-option @ 9:1"]),
        Case(
            name: "timeline start must be a date", view: "timeline", body: "source: villages\nlabel: name\nstart: status\n",
            expected: ["data-block-not-date @ 12:8"]),
        Case(
            name: "invalid YAML", view: "table", body: "source: villages\ntitle: [a, b\n",
            expected: ["data-block-invalid-yaml @ 12:1"]),
        Case(
            name: "options must be a mapping", view: "table", body: "- villages\n",
            expected: ["data-block-not-a-mapping @ 10:1"]),
        // Data blocks go through the same guarded reader as every other YAML: nesting is
        // refused before parsing (at the first bracket past the limit), aliases by budget.
        Case(
            name: "deeply nested options", view: "table", body: "source: villages\nfilter: " + String(repeating: "[", count: 600) + "\n",
            expected: ["yaml-too-deep @ 11:\(8 + SafetyLimits.maxYAMLDepth)"]),
        Case(
            name: "deeply nested options under an indented fence", view: "table",
            body: "source: villages\nfilter: " + String(repeating: "{a: ", count: 600) + "\n", column: 5,
            expected: ["yaml-too-deep @ 11:\(4 + 8 + 4 * (SafetyLimits.maxYAMLDepth - 1) + 1)"]),
        Case(name: "alias bomb", view: "table", body: aliasBomb, expected: ["yaml-alias-bomb @ 12:10"]),
    ]

    /// "Billion laughs": ten aliases of ten aliases, eight levels deep (10⁸ nodes expanded).
    static let aliasBomb =
        "source: villages\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        + (1...8).map { "l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 10).joined(separator: ", ") + "]" }.joined(separator: "\n") + "\n"

    @Test(arguments: cases)
    func positionedErrors(_ testCase: Case) {
        let result = ReportFixtures.render(testCase.view, testCase.body, column: testCase.column)
        let found = result.diagnostics.map { diagnostic in
            "\(diagnostic.message.id) @ \(diagnostic.location?.line ?? 0):\(diagnostic.location?.column ?? 0)"
        }
        #expect(found == testCase.expected)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.location?.path == "content/pages/report.md" })
        #expect(result.html.isEmpty)
    }

    @Test func unknownFieldNamesTheDatasetsFields() throws {
        let result = ReportFixtures.render("table", "source: villages\ncolumns: [县区]\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.text == "dataset `villages` has no field `县区`")
        #expect(diagnostic.notes == ["fields of `villages`: name, county, status, investment"])
    }

    @Test func reportsDatasetsUsedAndSampleData() {
        let table = ReportFixtures.render("table", "source: villages\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.datasetsUsed == ["villages"])
        #expect(table.usesSample)
        let stat = ReportFixtures.render("stat", "source: funding\n")
        #expect(stat.datasetsUsed == ["funding"])
        #expect(!stat.usesSample)
    }
}
