/// Writes a `ResultTable` as a semantic HTML table that reads without JavaScript and
/// carries what a small sorting script needs (`data-sort`, `data-type`, `data-value`, and
/// `data-order` on text cells: the value's rank in its column's ``TextOrder``, so that a
/// client-side sort agrees with the build's, from `file://` and in browsers without `Intl`).
struct TableRenderer {
    /// A caption, a `<th scope="col">` per column with its unit (`投资额（万元）`),
    /// numbers right-aligned by the `qs-num` class.
    static func html(_ table: ResultTable, caption: String, id: String?, sortable: Bool, describedBy: String? = nil)
        -> String
    {
        var out = "<table class=\"qs-table\""
        if let id { out += " id=\"\(id.htmlEscaped)\"" }
        if sortable { out += " data-sortable" }
        if let describedBy { out += " aria-describedby=\"\(describedBy.htmlEscaped)\"" }
        out += ">\n<caption>\(caption.htmlEscaped)</caption>\n<thead>\n<tr>"
        for column in table.columns {
            let type = column.numeric ? "number" : (column.format == .date || column.format == .month ? "date" : "text")
            out += "<th scope=\"col\""
            if column.numeric { out += " class=\"qs-num\"" }
            if sortable { out += " data-sort=\"\(column.name.htmlEscaped)\" data-type=\"\(type)\"" }
            out += ">\(column.title.htmlEscaped)"
            if let unit = column.unit {
                out += "<span class=\"qs-unit\">（\(unit == "%" ? "%" : "单位：" + unit)）</span>"
            }
            out += "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        let ranks = sortable ? textRanks(table) : Array(repeating: nil, count: table.columns.count)
        for row in table.rows {
            out += "<tr>"
            for (index, (column, value)) in zip(table.columns, row).enumerated() {
                out += "<td"
                if column.numeric { out += " class=\"qs-num\"" }
                if sortable { out += " data-value=\"\(value.attributeValue.htmlEscaped)\"" }
                if let rank = ranks[index]?[value.description] { out += " data-order=\"\(rank)\"" }
                if case .list(let items) = value, !items.isEmpty {
                    // A list field (`type: array`): a list inside its cell; an empty list, an
                    // empty cell (an empty `<ul>` is announced as a list of nothing).
                    out += "><ul>" + items.map { "<li>\(column.text($0).htmlEscaped)</li>" }.joined() + "</ul></td>"
                } else {
                    out += ">\(column.text(value).htmlEscaped)</td>"
                }
            }
            out += "</tr>\n"
        }
        if table.rows.isEmpty {
            out += "<tr><td colspan=\"\(max(1, table.columns.count))\">（无数据）</td></tr>\n"
        }
        out += "</tbody>\n</table>"
        return out
    }

    /// Per column, the rank of each value of a text column (`nil` for numbers and dates).
    static func textRanks(_ table: ResultTable) -> [[String: Int]?] {
        table.columns.indices.map { index in
            let column = table.columns[index]
            guard !column.numeric, column.format != .date, column.format != .month else { return nil }
            return column.order.ranks(of: table.rows.map { $0[index] })
        }
    }
}
