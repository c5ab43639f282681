/// Rows ready to show: what a query made of a dataset (filtered, grouped, aggregated,
/// sorted, limited), with a title and display format per column.
struct ResultTable: Sendable {
    struct Column: Sendable {
        /// The field name, or the aggregate's name (`count`) for a computed column.
        var name: String
        var title: String
        var format: ValueFormat?
        /// Decimals from the schema, if any.
        var decimals: Int?
        /// The unit from the schema (`万元`), before a format changes it.
        var fieldUnit: String?
        var numeric: Bool
        /// How the column's text sorts (a referenced dataset's order, an enum's, or pinyin).
        var order: TextOrder = .pinyin

        /// The unit the header states: the format's (亿元 for `money-yi`) or the field's.
        var unit: String? { format?.unit(fieldUnit: fieldUnit) ?? fieldUnit }

        func text(_ value: DataValue) -> String {
            if let format { return format.cell(value, decimals: decimals) }
            if let number = value.decimal { return ChineseFormat.number(number, decimals: decimals) }
            return value.description
        }
    }

    var columns: [Column]
    var rows: [[DataValue]]

    func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }
}
