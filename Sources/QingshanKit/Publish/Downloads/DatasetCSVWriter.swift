public import Foundation

/// `data/NAME.csv`: a dataset as RFC 4180 CSV for Excel, WPS and programs alike.
///
/// UTF-8 with a byte-order mark (without it Excel and WPS on Chinese Windows read the
/// file as GBK and show mojibake), CRLF line ends, the field names as header, values in
/// their canonical text: dates `YYYY-MM-DD`, numbers exact without thousands separators,
/// an empty cell for a missing value. A field is quoted only when it holds `,`, `"`, CR or LF.
///
/// Text that a spreadsheet would run as a formula (`SpreadsheetFormulaGuard`) is written
/// with a leading `'`, OWASP's rule for CSV: the CSV is opened by people in Excel more
/// than by programs, and the build has already warned at the source cell, so the change
/// is never silent. The JSON and XLSX downloads keep such text as it is (JSON is not
/// evaluated; an XLSX string cell is never a formula).
public enum DatasetCSVWriter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The CSV bytes of `dataset`, fields in the dataset's order.
    public static func csv(_ dataset: Dataset) -> Data {
        var text = dataset.fields.map { CSVField.quoted($0.name) }.joined(separator: ",") + "\r\n"
        for row in dataset.rows {
            text += dataset.fields.map { CSVField.quoted(cell(row[$0.name])) }.joined(separator: ",")
            text += "\r\n"
        }
        return Data(byteOrderMark) + Data(text.utf8)
    }

    /// The canonical text of a value, neutralised when it would start a formula. Lists and
    /// records are JSON, as Table Schema reads `array` and `object` fields in CSV.
    static func cell(_ value: DataValue) -> String {
        switch value {
        case .list, .record: return JSONValue(value).text()
        default: break
        }
        let text = value.description
        if case .string = value, SpreadsheetFormulaGuard.startsFormula(text) { return "'" + text }
        return text
    }
}
