import Foundation

/// Small helpers shared by the chart drawers: deterministic coordinates, text width
/// estimates and the series palette.
enum ChartSVG {
    /// The width of every chart's viewBox. The theme draws a chart at most this many CSS
    /// pixels wide (`.qs-chart { max-width: 25rem }`), and on a 375-px phone at 343 px, a
    /// scale of 0.86: so text of `fontSize` units is drawn at 11 px or more everywhere.
    static let width = 400.0
    /// The one text size of labels, values, ticks and legends (big centre figures aside);
    /// nothing smaller is drawn, so no label reads below 11 CSS px on a phone (issue 19).
    static let fontSize = 13.0

    /// Fallback fills when no stylesheet styles `qs-series-N`; dark enough that white
    /// labels on them reach 4.5:1 contrast, and distinct for common colour-vision deficiencies.
    static let palette = ["#1b6e4f", "#1f5fa8", "#a64b00", "#6f4a9e", "#7a6400", "#a0305a"]

    /// The class and inline fallback fill of series `index` (0-based), cycling through six.
    static func seriesAttributes(_ index: Int) -> String {
        "class=\"qs-series-\(index % 6 + 1)\" fill=\"\(palette[index % 6])\""
    }

    /// A coordinate with at most one decimal, so output never depends on float noise.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// Roughly how wide `text` is: CJK and full-width characters one em, others 0.6 em.
    static func textWidth(_ text: String, fontSize: Double = fontSize) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.value >= 0x2E80 ? 1.0 : 0.6) * fontSize
        }
    }

    /// `text` shortened with a trailing "…" so that it fits `width` (estimated as `textWidth` does).
    static func truncated(_ text: String, toWidth width: Double, fontSize: Double = fontSize) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        var result = ""
        let ellipsis = textWidth("…", fontSize: fontSize)
        for character in text {
            let next = result + String(character)
            if textWidth(next, fontSize: fontSize) + ellipsis > width { break }
            result = next
        }
        return result + "…"
    }

    /// The opening `<svg>` with its title and description, which `aria-labelledby` names.
    static func open(id: String, kind: String, height: Double, title: String, description: String) -> String {
        """
        <svg class="qs-chart qs-chart-\(kind)" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" \
        width="100%" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="sans-serif" font-size="\(n(fontSize))">
        <title id="\(id)-title">\(title.htmlEscaped)</title>
        <desc id="\(id)-desc">\(description.htmlEscaped)</desc>

        """
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", className: String? = nil,
        fill: String = "#1a1a1a", size: Double? = nil, weight: String? = nil
    ) -> String {
        // Never smaller than fontSize, which is what a phone can still read.
        let size = size.map { max($0, fontSize) }
        var out = "<text x=\"\(n(x))\" y=\"\(n(y))\""
        if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
        if let className { out += " class=\"\(className)\"" }
        out += " fill=\"\(fill)\""
        if let size { out += " font-size=\"\(n(size))\"" }
        if let weight { out += " font-weight=\"\(weight)\"" }
        return out + ">\(content.htmlEscaped)</text>\n"
    }

    /// A legend: a swatch and a name per entry, wrapped onto as many lines as the width needs.
    /// Returns the SVG and its height.
    static func legend(_ names: [String], top: Double) -> (svg: String, height: Double) {
        var out = "<g class=\"qs-chart-legend\">\n"
        var (x, y) = (12.0, top)
        for (index, name) in names.enumerated() {
            let label = truncated(name, toWidth: width - 40)
            let entry = 16 + textWidth(label) + 16
            if x > 12 && x + entry > width - 4 { (x, y) = (12, y + 20) }
            out += "<rect \(seriesAttributes(index)) x=\"\(n(x))\" y=\"\(n(y))\" width=\"12\" height=\"12\"/>\n"
            out += text(label, x: x + 16, y: y + 11)
            x += entry
        }
        return (out + "</g>\n", names.isEmpty ? 0 : y - top + 20)
    }

    /// A "nice" upper bound for an axis (1, 2, 2.5 or 5 times a power of ten).
    static func niceMax(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    /// A filled ring segment from `start` to `end` (fractions of a turn, clockwise from 12 o'clock).
    static func ringSegment(cx: Double, cy: Double, outer: Double, inner: Double, start: Double, end: Double) -> String {
        // A single arc cannot draw a full turn, so a whole ring is two half segments.
        if end - start >= 0.9999 {
            return ringSegment(cx: cx, cy: cy, outer: outer, inner: inner, start: start, end: start + 0.5) + " "
                + ringSegment(cx: cx, cy: cy, outer: outer, inner: inner, start: start + 0.5, end: start + 1)
        }
        func point(_ fraction: Double, _ radius: Double) -> String {
            let angle = fraction * 2 * Double.pi
            return "\(n(cx + radius * sin(angle))) \(n(cy - radius * cos(angle)))"
        }
        let large = end - start > 0.5 ? 1 : 0
        return "M\(point(start, outer)) A\(n(outer)) \(n(outer)) 0 \(large) 1 \(point(end, outer)) "
            + "L\(point(end, inner)) A\(n(inner)) \(n(inner)) 0 \(large) 0 \(point(start, inner)) Z"
    }
}
