public import Foundation

/// `data/NAME.json`: a dataset as a JSON array of records with typed values, one record
/// per line: numbers as exact JSON numbers, booleans, `null` for a missing value, dates
/// as `YYYY-MM-DD` strings. Keys follow the dataset's field order; every record has every key.
public enum DatasetJSONWriter {
    public static func json(_ dataset: Dataset) -> Data {
        var text = "["
        for (index, row) in dataset.rows.enumerated() {
            let record = JSONValue.object(dataset.fields.map { ($0.name, JSONValue(row[$0.name])) })
            text += (index == 0 ? "\n" : ",\n") + record.text()
        }
        text += dataset.rows.isEmpty ? "]\n" : "\n]\n"
        return Data(text.utf8)
    }
}
