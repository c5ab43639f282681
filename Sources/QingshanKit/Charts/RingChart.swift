import Foundation

/// Donuts (shares of a whole, labelled directly beside the ring) and progress rings
/// (one ring per item with its percentage in the centre).
enum RingChart {
    /// One donut for the first series: slices in category order from 12 o'clock, the total in
    /// the centre, and below it a legend giving each slice's value and share (below, not
    /// beside, so that the legend keeps the chart's whole width on a phone).
    static func donut(_ data: ChartData, id: String, title: String, description: String) -> String {
        let values = data.series.first?.values ?? []
        let total = values.reduce(Decimal(0)) { $0 + max(0, $1) }
        let (cx, cy) = (ChartSVG.width / 2, 112.0)
        let height = 232 + Double(values.count) * 24
        var out = ChartSVG.open(id: id, kind: "donut", height: height, title: title, description: description)
        out += "<circle class=\"qs-ring-track\" cx=\"\(ChartSVG.n(cx))\" cy=\"\(ChartSVG.n(cy))\" r=\"82\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"36\"/>\n"
        var start = 0.0
        for (index, value) in values.enumerated() where total > 0 && value > 0 {
            let share = BarChart.double(value) / BarChart.double(total)
            out += "<path \(ChartSVG.seriesAttributes(index)) stroke=\"#ffffff\" d=\"\(ChartSVG.ringSegment(cx: cx, cy: cy, outer: 100, inner: 64, start: start, end: start + share))\"/>\n"
            start += share
        }
        out += ChartSVG.text(data.label(total), x: cx, y: cy + 4, anchor: "middle", className: "qs-chart-centre", size: 20, weight: "bold")
        out += ChartSVG.text("合计", x: cx, y: cy + 24, anchor: "middle", className: "qs-chart-label")
        for (index, value) in values.enumerated() {
            let y = 228 + Double(index) * 24
            let share = total > 0 ? ChineseFormat.percent(max(0, value) / total) : "0%"
            let figure = "\(data.label(value))（\(share)）"
            let name = ChartSVG.truncated(data.categories[index], toWidth: ChartSVG.width - 60 - ChartSVG.textWidth(figure))
            out += "<rect \(ChartSVG.seriesAttributes(index)) x=\"24\" y=\"\(ChartSVG.n(y + 4))\" width=\"12\" height=\"12\"/>\n"
            out += ChartSVG.text("\(name)  \(figure)", x: 44, y: y + 15, className: "qs-chart-label")
        }
        return out + "</svg>"
    }

    /// A row of rings, three to a line, each `ratio` of a full turn with the percentage inside.
    static func rings(_ items: [(label: String, ratio: Decimal, detail: String?)], id: String, title: String, description: String) -> String {
        let perLine = 3
        let cell = ChartSVG.width / Double(perLine)
        let lines = max(1, (items.count + perLine - 1) / perLine)
        let cellHeight = 170.0
        var out = ChartSVG.open(id: id, kind: "ring", height: Double(lines) * cellHeight, title: title, description: description)
        for (index, item) in items.enumerated() {
            let cx = cell * (Double(index % perLine) + 0.5)
            let cy = Double(index / perLine) * cellHeight + 62
            let ratio = min(1, max(0, BarChart.double(item.ratio)))
            out += "<g class=\"qs-ring\">\n"
            out += "<circle class=\"qs-ring-track\" cx=\"\(ChartSVG.n(cx))\" cy=\"\(ChartSVG.n(cy))\" r=\"47\" fill=\"none\" stroke=\"#e6e6e6\" stroke-width=\"14\"/>\n"
            if ratio > 0 {
                out += "<path \(ChartSVG.seriesAttributes(0)) d=\"\(ChartSVG.ringSegment(cx: cx, cy: cy, outer: 54, inner: 40, start: 0, end: ratio))\"/>\n"
            }
            out += ChartSVG.text(ChineseFormat.percent(item.ratio), x: cx, y: cy + 7, anchor: "middle", className: "qs-chart-centre", size: 20, weight: "bold")
            let label = ChartSVG.truncated(item.label, toWidth: cell - 8)
            out += ChartSVG.text(label, x: cx, y: cy + 80, anchor: "middle", className: "qs-chart-label")
            if let detail = item.detail {
                out += ChartSVG.text(detail, x: cx, y: cy + 98, anchor: "middle", className: "qs-chart-detail", fill: "#4d4d4d")
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }
}
