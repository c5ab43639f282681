import Foundation

/// Horizontal bar charts (long Chinese category names read best on the left), grouped
/// or stacked. Every bar carries its value as text, so the chart reads in black and white.
struct BarChart {
    var data: ChartData
    var stacked: Bool
    /// The value a full-width bar stands for (1 for progress shares); the largest value if `nil`.
    var fullScale: Decimal? = nil

    func svg(id: String, title: String, description: String) -> String {
        let series = data.series
        let multiple = series.count > 1
        let labelWidth = min(130, (data.categories.map { ChartSVG.textWidth($0) }.max() ?? 0) + 8)
        let left = 12 + labelWidth
        let valueRoom = 80.0
        let plotWidth = ChartSVG.width - left - valueRoom
        let legend = multiple ? ChartSVG.legend(series.map(\.name), top: 12) : (svg: "", height: 0)
        let legendHeight = multiple ? legend.height + 8 : 0
        let barsPerRow = stacked ? 1 : max(1, series.count)
        // Grouped bars 19 units apart (17 high): their 13-unit value labels never touch.
        let barHeight = stacked || !multiple ? 18.0 : 19.0
        let rowHeight = Double(barsPerRow) * barHeight + 12
        let top = 12 + legendHeight
        let height = top + Double(data.categories.count) * rowHeight + 12
        let totals = data.categories.indices.map { index in series.reduce(Decimal(0)) { $0 + max(0, $1.values[index]) } }
        let peak = stacked ? (totals.max() ?? 0) : (series.flatMap(\.values).max() ?? 0)
        let scale = plotWidth / max(1e-9, Self.double(fullScale ?? peak))

        var out = ChartSVG.open(id: id, kind: stacked ? "stacked-bar" : "bar", height: height, title: title, description: description)
        out += legend.svg
        for (row, category) in data.categories.enumerated() {
            let rowTop = top + Double(row) * rowHeight
            out += "<g class=\"qs-bar-row\">\n"
            // Long names are shortened with "…"; the data table below the chart has them whole.
            out += ChartSVG.text(ChartSVG.truncated(category, toWidth: labelWidth - 4), x: left - 8, y: rowTop + rowHeight / 2 + 4, anchor: "end", className: "qs-chart-label")
            var x = left
            for (index, serie) in series.enumerated() {
                let value = serie.values[row]
                if stacked && value <= 0 { continue }
                let width = max(0, Self.double(value)) * scale
                let y = stacked ? rowTop + 6 : rowTop + 6 + Double(index) * barHeight
                let h = stacked || !multiple ? barHeight : barHeight - 2
                out +=
                    "<rect \(ChartSVG.seriesAttributes(index)) x=\"\(ChartSVG.n(x))\" y=\"\(ChartSVG.n(y))\" width=\"\(ChartSVG.n(width))\" height=\"\(ChartSVG.n(h))\"><title>\((multiple ? serie.name + " " : "") + data.label(value))</title></rect>\n"
                if stacked {
                    // A segment's value goes inside it when it fits; the data table has the rest.
                    let text = data.label(value)
                    if width >= ChartSVG.textWidth(text) + 6 {
                        out += ChartSVG.text(text, x: x + width / 2, y: y + h / 2 + 4.5, anchor: "middle", className: "qs-chart-value-inside", fill: "#ffffff")
                    }
                    x += width
                } else {
                    out += ChartSVG.text(data.label(value), x: left + width + 4, y: y + h / 2 + 4, className: "qs-chart-value")
                }
            }
            if stacked {
                out += ChartSVG.text(data.label(totals[row]), x: x + 4, y: rowTop + 6 + barHeight / 2 + 4, className: "qs-chart-value", weight: "bold")
            }
            out += "</g>\n"
        }
        out += "<line class=\"qs-chart-axis\" x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(top))\" x2=\"\(ChartSVG.n(left))\" y2=\"\(ChartSVG.n(height - 12))\" stroke=\"#1a1a1a\"/>\n"
        return out + "</svg>"
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
