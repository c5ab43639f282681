import Foundation

/// Lines over time (or over ordered categories): a value label on every point, each
/// series named at its end and dashed differently, so colour is never the only cue.
struct LineChart {
    var data: ChartData
    /// A reference line across the plot (a trend's target), labelled at its left end.
    var target: Target?
    /// The least distance between two series names at the right end.
    var nameGap = 16.0
    /// How much lower than usual the category labels sit (long dates under the 0 tick).
    var categoryDrop = 0.0

    struct Target {
        var value: Decimal
        var label: String
    }

    init(data: ChartData, target: Target? = nil) {
        self.data = data
        self.target = target
    }

    /// The largest value the value axis must reach: the data's, or the target's.
    private var peak: Double {
        ChartSVG.niceMax(BarChart.double(max(data.series.flatMap(\.values).max() ?? 0, target?.value ?? 0)))
    }

    func svg(id: String, title: String, description: String) -> String {
        let valueWidth = (0...4).map { ChartSVG.textWidth(tickLabel($0)) }.max() ?? 40
        let nameWidth = min(100, (data.series.map { ChartSVG.textWidth($0.name) }.max() ?? 0) + 12)
        // Category labels are centred on the end points: room for half of one on either side.
        let halfLabel = (data.categories.map { ChartSVG.textWidth($0) }.max() ?? 0) / 2 + 4
        let (left, right, top, bottom) = (max(valueWidth + 12, halfLabel), max(nameWidth, halfLabel), 24.0, 40.0 + categoryDrop)
        let height = 260.0
        let plotWidth = ChartSVG.width - left - right
        let plotHeight = height - top - bottom
        let count = data.categories.count
        let peak = self.peak
        let xs = positions(width: plotWidth).map { left + $0 }
        func y(_ value: Decimal) -> Double { top + plotHeight - max(0, BarChart.double(value)) / peak * plotHeight }

        var out = ChartSVG.open(id: id, kind: "line", height: height, title: title, description: description)
        out += "<g class=\"qs-chart-grid\">\n"
        for tick in 0...4 {
            let ty = top + plotHeight - Double(tick) / 4 * plotHeight
            out += "<line x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(ty))\" x2=\"\(ChartSVG.n(left + plotWidth))\" y2=\"\(ChartSVG.n(ty))\" stroke=\"#d9d9d9\"/>\n"
            out += ChartSVG.text(tickLabel(tick), x: left - 6, y: ty + 4, anchor: "end", className: "qs-chart-tick", fill: "#4d4d4d")
        }
        out += "</g>\n"
        if let target { out += targetLine(y: y(target.value), target: target, left: left, width: plotWidth) }
        out += categoryLabels(xs, y: height - bottom + 20 + categoryDrop)
        // Values on the points only when they cannot run into each other.
        let valueRoom = count > 1 ? plotWidth / Double(count - 1) : plotWidth
        let widestValue = data.series.flatMap(\.values).map { ChartSVG.textWidth(data.label($0)) }.max() ?? 0
        let showValues = data.series.count == 1 && widestValue + 4 <= valueRoom
        let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"]
        var nameYs = Self.spread(data.series.map { y($0.values.last ?? 0) + 4 }, gap: nameGap)
        // Lowered category labels leave no room below the axis: spread names end above it.
        if categoryDrop > 0, let lowest = nameYs.compactMap({ $0 }).max(), lowest > top + plotHeight + 4 {
            nameYs = nameYs.map { $0.map { $0 - (lowest - top - plotHeight - 4) } }
        }
        for (index, serie) in data.series.enumerated() {
            let points = zip(xs, serie.values).map { "\(ChartSVG.n($0)),\(ChartSVG.n(y($1)))" }.joined(separator: " ")
            let colour = ChartSVG.palette[index % 6]
            out += "<g class=\"qs-line qs-series-\(index % 6 + 1)\">\n"
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dashes[index % 6].isEmpty ? "" : " stroke-dasharray=\"\(dashes[index % 6])\"") points=\"\(points)\"/>\n"
            for (x, value) in zip(xs, serie.values) {
                out += "<circle cx=\"\(ChartSVG.n(x))\" cy=\"\(ChartSVG.n(y(value)))\" r=\"3.5\" fill=\"\(colour)\"/>\n"
                if showValues {
                    out += ChartSVG.text(data.label(value), x: x, y: y(value) - 8, anchor: "middle", className: "qs-chart-value")
                }
            }
            if let lastX = xs.last, let nameY = nameYs[index] {
                let name = ChartSVG.truncated(serie.name, toWidth: nameWidth - 12)
                out += ChartSVG.text(name, x: lastX + 8, y: nameY, className: "qs-chart-label")
            }
            out += "</g>\n"
        }
        out +=
            "<line class=\"qs-chart-axis\" x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(top + plotHeight))\" x2=\"\(ChartSVG.n(left + plotWidth))\" y2=\"\(ChartSVG.n(top + plotHeight))\" stroke=\"#1a1a1a\"/>\n"
        return out + "</svg>"
    }

    /// The target as a dashed line across the plot, labelled at its left end.
    private func targetLine(y ty: Double, target: Target, left: Double, width plotWidth: Double) -> String {
        var out = "<g class=\"qs-chart-target\">\n"
        out +=
            "<line x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(ty))\" x2=\"\(ChartSVG.n(left + plotWidth))\" y2=\"\(ChartSVG.n(ty))\" stroke=\"#8a5a00\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"/>\n"
        out += ChartSVG.text(target.label, x: left + 4, y: ty - 6, className: "qs-chart-label", fill: "#8a5a00")
        return out + "</g>\n"
    }

    /// The value axis label of tick `tick` of 0...4.
    func tickLabel(_ tick: Int) -> String {
        // A ratio's ticks (0.25) must not go through one-decimal rounding (0.3 → 30%).
        if data.format == .ratio { return data.label(Decimal(peak) * Decimal(tick) / 4) }
        return data.label(Decimal(string: ChartSVG.n(peak * Double(tick) / 4)) ?? 0)
    }

    /// Category labels under the axis: every k-th, k as small as lets neighbours keep apart,
    /// and the last one only when it clears the one before.
    func categoryLabels(_ xs: [Double], y: Double) -> String {
        let count = data.categories.count
        guard count > 0 else { return "" }
        let widest = data.categories.map { ChartSVG.textWidth($0) }.max() ?? 0
        let spacing = count > 1 ? (xs[count - 1] - xs[0]) / Double(count - 1) : widest
        let every = max(1, Int(((widest + 8) / max(1, spacing)).rounded(.up)))
        var shown = Array(stride(from: 0, to: count, by: every))
        if let last = shown.last, last != count - 1, xs[count - 1] - xs[last] >= widest + 8 { shown.append(count - 1) }
        return shown.map { index in
            ChartSVG.text(data.categories[index], x: xs[index], y: y, anchor: "middle", className: "qs-chart-label")
        }.joined()
    }

    /// Baselines moved apart (keeping their order) so that no two are closer than `gap`.
    static func spread(_ ys: [Double], gap: Double) -> [Double?] {
        let order = ys.indices.sorted { ys[$0] < ys[$1] }
        var result = [Double?](repeating: nil, count: ys.count)
        var previous = -Double.infinity
        for index in order {
            let y = max(ys[index], previous + gap)
            result[index] = y
            previous = y
        }
        return result
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
