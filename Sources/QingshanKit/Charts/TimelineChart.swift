import Foundation

/// A Gantt-style roadmap: one row per item, a bar from start to end on a year axis, a
/// diamond for a milestone without an end, and the dates written under each mark (under,
/// not beside, so that on a narrow chart they never run into the labels or the edge).
struct TimelineChart {
    struct Item: Sendable {
        var label: String
        var start: DataValue
        var end: DataValue?
        var dates: String
    }

    var items: [Item]

    func svg(id: String, title: String, description: String) -> String {
        let labelWidth = min(130, (items.map { ChartSVG.textWidth($0.label) }.max() ?? 0) + 8)
        let left = 12 + labelWidth
        let right = 20.0
        let plotWidth = ChartSVG.width - left - right
        let rowHeight = 44.0
        let top = 30.0
        let height = top + Double(items.count) * rowHeight + 8
        let firstYear = items.compactMap { $0.start.dateYear }.min() ?? 2020
        let lastYear = (items.flatMap { [$0.start.dateYear, $0.end?.dateYear].compactMap { $0 } }.max() ?? firstYear) + 1
        let from = Double(DataValue.date(year: firstYear, month: 1, day: 1).dayNumber ?? 0)
        let to = Double(DataValue.date(year: lastYear, month: 1, day: 1).dayNumber ?? 1)
        func x(_ value: DataValue) -> Double { left + (Double(value.dayNumber ?? 0) - from) / max(1, to - from) * plotWidth }

        var out = ChartSVG.open(id: id, kind: "timeline", height: height, title: title, description: description)
        out += "<g class=\"qs-chart-grid\">\n"
        let span = lastYear - firstYear
        // Year labels need about 40 units each to stay apart.
        let step = [1, 2, 5, 10, 20].first { Double(span) / Double($0) * 40 <= plotWidth } ?? 50
        for year in stride(from: firstYear, through: lastYear, by: step) {
            let tx = x(.date(year: year, month: 1, day: 1))
            out += "<line x1=\"\(ChartSVG.n(tx))\" y1=\"\(ChartSVG.n(top - 6))\" x2=\"\(ChartSVG.n(tx))\" y2=\"\(ChartSVG.n(height - 8))\" stroke=\"#d9d9d9\"/>\n"
            if year < lastYear || step == 1 {
                out += ChartSVG.text("\(year)", x: tx, y: top - 12, anchor: "middle", className: "qs-chart-tick", fill: "#4d4d4d")
            }
        }
        out += "</g>\n"
        for (row, item) in items.enumerated() {
            let rowTop = top + Double(row) * rowHeight
            let mid = rowTop + 14
            out += "<g class=\"qs-timeline-item\">\n"
            // A label wider than its column is shortened with "…" rather than cut off at
            // the chart's edge; the full text is in the data table below the chart.
            out += ChartSVG.text(ChartSVG.truncated(item.label, toWidth: labelWidth - 4), x: left - 8, y: mid + 4, anchor: "end", className: "qs-chart-label")
            let x1 = x(item.start)
            if let end = item.end, (end.dayNumber ?? 0) > (item.start.dayNumber ?? 0) {
                let x2 = x(end)
                out += "<rect \(ChartSVG.seriesAttributes(0)) x=\"\(ChartSVG.n(x1))\" y=\"\(ChartSVG.n(mid - 8))\" width=\"\(ChartSVG.n(max(2, x2 - x1)))\" height=\"16\" rx=\"2\"/>\n"
            } else {
                out +=
                    "<path \(ChartSVG.seriesAttributes(1)) d=\"M\(ChartSVG.n(x1)) \(ChartSVG.n(mid - 8)) L\(ChartSVG.n(x1 + 7)) \(ChartSVG.n(mid)) L\(ChartSVG.n(x1)) \(ChartSVG.n(mid + 8)) L\(ChartSVG.n(x1 - 7)) \(ChartSVG.n(mid)) Z\"/>\n"
            }
            // Dates start under the mark, moved left as far as the plot's edge needs (never
            // into the label column); too long even for the plot, they are shortened.
            let dates = ChartSVG.truncated(item.dates, toWidth: ChartSVG.width - left - 4)
            let datesX = max(left, min(x1 - 7, ChartSVG.width - 4 - ChartSVG.textWidth(dates)))
            out += ChartSVG.text(dates, x: datesX, y: mid + 24, className: "qs-chart-value")
            out += "</g>\n"
        }
        return out + "</svg>"
    }
}

extension DataValue {
    var dateYear: Int? { if case .date(let year, _, _) = self { year } else { nil } }
}
