import Testing

@testable import QingshanKit

@Suite struct CSVReaderTests {
    @Test func quotedCellsDoubledQuotesAndNewlinesInsideQuotes() throws {
        let csv = "id,name,note\r\n1,\"青山,村\",\"他说\"\"好\"\"\"\r\n2,石桥村,\"第一行\n第二行\"\r\n3,x,y\r\n"
        let (dataset, diagnostics) = loadInline(csv)
        #expect(diagnostics.isEmpty)
        #expect(dataset.rows.count == 3)
        #expect(dataset.rows[0]["name"] == .string("青山,村"))
        #expect(dataset.rows[0]["note"] == .string("他说\"好\""))
        #expect(dataset.rows[1]["note"] == .string("第一行\n第二行"))
        // The row after a quoted line break starts one line further down.
        #expect(dataset.rows[2].location.line == 5)
        // Columns are UTF-8 bytes: "2," then 石桥村 (9 bytes) and "," puts `note` at 13.
        #expect(dataset.rows[1].location(of: "note") == SourceLocation(path: "content/data/villages.csv", line: 3, column: 13))
    }

    @Test(arguments: ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2", "a,b\n1,2\n\n,\n"])
    func lineEndingsAndBlankRows(csv: String) {
        let (dataset, diagnostics) = loadInline(csv)
        #expect(diagnostics.isEmpty)
        #expect(dataset.rows.map { $0["b"] } == [.string("2")])
        #expect(dataset.rows[0].location.line == 2)
    }

    @Test func raggedRowsAreErrorsAtTheirLine() {
        let (dataset, diagnostics) = loadInline("a,b,c\n1,2,3\n1,2\n1,2,3,4\n")
        #expect(positions(diagnostics) == ["csv-ragged-row@3:1", "csv-ragged-row@4:7"])
        #expect(diagnostics[0].message == .csvRaggedRow(expected: 3, found: 2))
        #expect(dataset.rows.count == 1)
    }

    @Test func unterminatedQuoteAndTextAfterQuote() {
        #expect(positions(loadInline("a,b\n1,\"open\n2,3\n").diagnostics) == ["csv-unterminated-quote@2:3"])
        #expect(positions(loadInline("a,b\n1,\"x\"y\n").diagnostics) == ["csv-text-after-quote@2:6"])
    }

    @Test func headerSpacesAreTrimmedWithAWarning() throws {
        let (dataset, diagnostics) = loadInline("\u{3000}村名 ,id\n青山村,1\n")
        #expect(positions(diagnostics) == ["csv-header-whitespace@1:1"])
        #expect(diagnostics[0].severity == .warning)
        #expect(dataset.fields.map(\.name) == ["村名", "id"])
        #expect(dataset.rows[0]["村名"] == .string("青山村"))
    }

    @Test func fullWidthCommaInTheHeaderGetsAHint() throws {
        let (_, diagnostics) = loadInline("id，name\n1,青山村\n")
        let hint = try #require(diagnostics.first)
        #expect(hint.message.id == "csv-header-fullwidth-comma")
        #expect(hint.location?.column == 3)
        #expect(hint.notes == ["'id，name' is read as one column name; did you mean 'id,name'?"])
        // The one-column header then makes the row ragged.
        #expect(positions(Array(diagnostics.dropFirst())) == ["csv-ragged-row@2:3"])
    }

    @Test func emptyAndDuplicateHeaderNames() {
        #expect(positions(loadInline("a,,a\n1,2,3\n").diagnostics) == ["csv-header-empty@1:3", "csv-header-duplicate@1:4"])
        #expect(positions(loadInline("").diagnostics) == ["csv-empty@1:1"])
    }

    @Test func tenThousandRowsReadQuickly() {
        var csv = "id,name,budget\n"
        for i in 0..<10_000 { csv += "\(511_724_000_000 + i),\"村,\(i)\",\(i).5\n" }
        let schema = "fields: [{name: id, constraints: {unique: true}}, {name: name}, {name: budget, type: number}]"
        let clock = ContinuousClock()
        var result: (dataset: Dataset, diagnostics: [Diagnostic])?
        let elapsed = clock.measure { result = loadInline(csv, schema: schema) }
        #expect(result?.dataset.rows.count == 10_000)
        #expect(result?.diagnostics.isEmpty == true)
        #expect(elapsed < .seconds(5))  // debug build, shared cores: generous bound
    }
}
