import Foundation
import Testing

@testable import QingshanKit

/// The CSV and JSON downloads, byte for byte.
@Suite struct DatasetTextWritersTests {
    @Test func csvHasABOMCRLFQuotesAndCanonicalValues() throws {
        let data = DatasetCSVWriter.csv(OpenDataSample.dataset)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(
            text == """
                id,name,note,budget,progress,updated\r
                511702001001,样例村01,"含,逗号",76.8,100,2021-06-25\r
                511702001002,"样例""村""02",'=SUM(A1),64,60,2021-04-06\r
                511702001003,样例村03,,,0,2021-12-31\r

                """)
    }

    @Test func jsonHasTypedValuesOneRecordPerLine() {
        let text = String(decoding: DatasetJSONWriter.json(OpenDataSample.dataset), as: UTF8.self)
        #expect(
            text == """
                [
                {"id":"511702001001","name":"样例村01","note":"含,逗号","budget":76.8,"progress":100,"updated":"2021-06-25"},
                {"id":"511702001002","name":"样例\\"村\\"02","note":"=SUM(A1)","budget":64,"progress":60,"updated":"2021-04-06"},
                {"id":"511702001003","name":"样例村03","note":null,"budget":null,"progress":0,"updated":"2021-12-31"}
                ]

                """)
    }

    @Test func jsonParsesBackToTheSameRows() throws {
        let dataset = OpenDataSample.dataset
        let records = try #require(try JSONSerialization.jsonObject(with: DatasetJSONWriter.json(dataset)) as? [[String: Any]])
        #expect(records.count == dataset.rows.count)
        #expect(records[0]["id"] as? String == "511702001001")
        #expect((records[0]["progress"] as? NSNumber)?.intValue == 100)
        #expect(records[2]["budget"] is NSNull)
    }

    @Test func anEmptyDatasetIsAnEmptyArray() {
        let empty = Dataset(name: "empty", path: "content/data/empty.csv", fields: [DataField(name: "a")], rows: [])
        #expect(String(decoding: DatasetJSONWriter.json(empty), as: UTF8.self) == "[]\n")
        #expect(String(decoding: DatasetCSVWriter.csv(empty).dropFirst(3), as: UTF8.self) == "a\r\n")
    }

    @Test(arguments: [
        ("=1+1", true), ("+86 123", true), ("@SUM(A1)", true), ("\tx", true), ("\rx", true),
        ("-x", true), ("-", true), ("-3", false), ("-0.5", false), ("样例", false), ("", false), ("a=b", false),
    ])
    func formulaStarts(text: String, startsFormula: Bool) {
        #expect(SpreadsheetFormulaGuard.startsFormula(text) == startsFormula)
    }
}
