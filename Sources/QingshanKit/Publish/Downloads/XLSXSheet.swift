/// The one worksheet of a dataset's workbook (`xl/worksheets/sheet1.xml`), see `DatasetXLSXWriter`.
struct XLSXSheet {
    let dataset: Dataset

    /// Style indices of `DatasetXLSXWriter.styles`.
    private enum Style: Int {
        case date = 1
        case header = 2
        case text = 3
    }

    var xml: String {
        let fields = dataset.fields
        let lastCell = Self.column(max(fields.count, 1) - 1) + String(dataset.rows.count + 1)
        var xml = DatasetXLSXWriter.declaration
        xml += #"<worksheet xmlns="\#(DatasetXLSXWriter.mainNamespace)" xmlns:r="\#(DatasetXLSXWriter.relationshipNamespace)">"#
        xml += #"<dimension ref="A1:\#(lastCell)"/>"#
        // The header row stays in view while scrolling.
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (index, width) in columnWidths().enumerated() {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += #"</cols><sheetData><row r="1">"#
        for (index, field) in fields.enumerated() {
            xml += Self.inlineString(Self.header(field), at: Self.column(index) + "1", style: .header)
        }
        xml += "</row>"
        for (rowIndex, row) in dataset.rows.enumerated() {
            let number = String(rowIndex + 2)
            xml += #"<row r="\#(number)">"#
            for (index, field) in fields.enumerated() {
                xml += Self.cell(row[field.name], at: Self.column(index) + number)
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A header cell's text: the field's title, with its unit as `投资（万元）`.
    static func header(_ field: DataField) -> String {
        field.unit.map { "\(field.title)（\($0)）" } ?? field.title
    }

    /// One cell; a missing value is no cell at all.
    private static func cell(_ value: DataValue, at reference: String) -> String {
        switch value {
        case .null: return ""
        case .integer, .number: return #"<c r="\#(reference)"><v>\#(value.description)</v></c>"#
        case .boolean(let flag): return #"<c r="\#(reference)" t="b"><v>\#(flag ? 1 : 0)</v></c>"#
        case .date(let year, let month, let day):
            // Serials below 61 fall before Lotus's fictitious 1900-02-29: written as text.
            guard let serial = dateSerial(year: year, month: month, day: day), serial >= 61 else {
                return inlineString(value.description, at: reference, style: .text)
            }
            return #"<c r="\#(reference)" s="\#(Style.date.rawValue)"><v>\#(serial)</v></c>"#
        case .string: return inlineString(value.description, at: reference, style: .text)
        // JSON text, as in the CSV (Table Schema's reading of `array` and `object` cells),
        // so the three downloads agree.
        case .list, .record: return inlineString(JSONValue(value).text(), at: reference, style: .text)
        }
    }

    private static func inlineString(_ text: String, at reference: String, style: Style) -> String {
        // Leading or trailing spaces and line breaks survive only with xml:space.
        let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
        let open = preserve ? #"<t xml:space="preserve">"# : "<t>"
        return #"<c r="\#(reference)" s="\#(style.rawValue)" t="inlineStr"><is>\#(open)\#(text.xmlEscaped)</t></is></c>"#
    }

    /// Days since 1899-12-30, Excel's 1900 date system for dates from 1900-03-01 on.
    static func dateSerial(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func column(_ index: Int) -> String {
        var index = index + 1
        var letters: [Character] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            index = (index - 1) / 26
        }
        return String(letters)
    }

    /// Each column as wide as its widest cell (a CJK character counts two), between 8 and 60.
    private func columnWidths() -> [Int] {
        dataset.fields.map { field in
            var widest = Self.displayWidth(Self.header(field))
            for row in dataset.rows {
                let value = row[field.name]
                // A date shows as 2021年6月25日: at most 15 columns.
                widest = max(widest, value.isDate ? 15 : Self.displayWidth(value.description))
            }
            return min(max(widest + 2, 8), 60)
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}

extension DataValue {
    fileprivate var isDate: Bool { if case .date = self { true } else { false } }
}

extension String {
    /// The text escaped for XML content and attributes (`htmlEscaped`'s entities are
    /// XML's too). Characters XML 1.0 cannot hold (controls other than tab, LF and CR)
    /// are written as `_xHHHH_`, Excel's escape.
    var xmlEscaped: String {
        func forbidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        guard unicodeScalars.contains(where: forbidden) else { return htmlEscaped }
        var cleaned = ""
        for scalar in unicodeScalars {
            if forbidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                cleaned += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
            } else {
                cleaned.unicodeScalars.append(scalar)
            }
        }
        return cleaned.htmlEscaped
    }
}
