import Foundation

/// Lines over time (or over ordered categories): a value label on every point, each
/// series named at its end and dashed differently, so colour is never the only cue.
struct LineChart {
    var data: ChartData

    func svg(id: String, title: String, description: String) -> String {
        let (left, right, top, bottom) = (56.0, 110.0, 24.0, 40.0)
        let height = 300.0
        let plotWidth = ChartSVG.width - left - right
        let plotHeight = height - top - bottom
        let count = data.categories.count
        let peak = ChartSVG.niceMax(BarChart.double(data.series.flatMap(\.values).max() ?? 0))
        let xs = positions(width: plotWidth).map { left + $0 }
        func y(_ value: Decimal) -> Double { top + plotHeight - max(0, BarChart.double(value)) / peak * plotHeight }

        var out = ChartSVG.open(id: id, kind: "line", height: height, title: title, description: description)
        out += "<g class=\"qs-chart-grid\">\n"
        for tick in 0...4 {
            let value = peak * Double(tick) / 4
            let ty = top + plotHeight - Double(tick) / 4 * plotHeight
            out += "<line x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(ty))\" x2=\"\(ChartSVG.n(left + plotWidth))\" y2=\"\(ChartSVG.n(ty))\" stroke=\"#d9d9d9\"/>\n"
            out += ChartSVG.text(data.label(Decimal(string: ChartSVG.n(value)) ?? 0), x: left - 6, y: ty + 4, anchor: "end", className: "qs-chart-tick", fill: "#4d4d4d", size: 11)
        }
        out += "</g>\n"
        // Label at most about eight x positions so the labels never overlap.
        let every = max(1, (count + 7) / 8)
        for (index, category) in data.categories.enumerated() where index % every == 0 || index == count - 1 {
            out += ChartSVG.text(category, x: xs[index], y: height - bottom + 18, anchor: "middle", className: "qs-chart-label", size: 11)
        }
        let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"]
        for (index, serie) in data.series.enumerated() {
            let points = zip(xs, serie.values).map { "\(ChartSVG.n($0)),\(ChartSVG.n(y($1)))" }.joined(separator: " ")
            let colour = ChartSVG.palette[index % 6]
            out += "<g class=\"qs-line qs-series-\(index % 6 + 1)\">\n"
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dashes[index % 6].isEmpty ? "" : " stroke-dasharray=\"\(dashes[index % 6])\"") points=\"\(points)\"/>\n"
            for (x, value) in zip(xs, serie.values) {
                out += "<circle cx=\"\(ChartSVG.n(x))\" cy=\"\(ChartSVG.n(y(value)))\" r=\"3.5\" fill=\"\(colour)\"/>\n"
                if count <= 12 {
                    out += ChartSVG.text(data.label(value), x: x, y: y(value) - 8, anchor: "middle", className: "qs-chart-value", size: 11)
                }
            }
            if let last = serie.values.last, let lastX = xs.last {
                out += ChartSVG.text(serie.name, x: lastX + 10, y: y(last) + 4, className: "qs-chart-label")
            }
            out += "</g>\n"
        }
        out += "<line class=\"qs-chart-axis\" x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(top + plotHeight))\" x2=\"\(ChartSVG.n(left + plotWidth))\" y2=\"\(ChartSVG.n(top + plotHeight))\" stroke=\"#1a1a1a\"/>\n"
        return out + "</svg>"
    }

    /// x offsets: proportional to time when every category is a date, evenly spaced otherwise.
    func positions(width: Double) -> [Double] {
        let count = data.categoryValues.count
        guard count > 1 else { return [width / 2] }
        let days = data.categoryValues.compactMap(\.dayNumber)
        if days.count == count, let first = days.min(), let last = days.max(), last > first {
            return days.map { Double($0 - first) / Double(last - first) * width }
        }
        return (0..<count).map { Double($0) / Double(count - 1) * width }
    }
}

extension DataValue {
    /// Days since 0000-03-01 in the proleptic Gregorian calendar, for proportional time axes.
    var dayNumber: Int? {
        guard case .date(let year, let month, let day) = self else { return nil }
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }
}
