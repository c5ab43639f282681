import Foundation
import Testing

@testable import QingshanKit

/// Charts stay legible on a 375-px phone (issue 19): drawn 400 units wide, no text under
/// 13 units (11 px at the phone's 343-px column), and no two texts of a chart on top of
/// each other or past its edges, by the same width estimate the drawers use.
/// (`scripts/browser-reader` measures the same in Chromium.)
@Suite struct ChartLegibilityTests {
    struct Text {
        var content: String
        var left, right, top, bottom: Double
    }

    /// Every `<text>` of the SVG with its estimated box (baseline at `y`, ascent 0.9 em, descent 0.2 em).
    static func texts(of svg: Substring) -> [Text] {
        svg.matches(of: /<text x="([-0-9.]+)" y="([-0-9.]+)"([^>]*)>([^<]*)<\/text>/).map { match in
            let attributes = String(match.3)
            let size = attributes.firstMatch(of: /font-size="([0-9.]+)"/).flatMap { Double($0.1) } ?? ChartSVG.fontSize
            var content = String(match.4)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                content = content.replacingOccurrences(of: entity, with: character)
            }
            let width = ChartSVG.textWidth(content, fontSize: size)
            let x = Double(match.1)!
            let y = Double(match.2)!
            let left =
                attributes.contains("text-anchor=\"middle\"")
                ? x - width / 2
                : attributes.contains("text-anchor=\"end\"") ? x - width : x
            return Text(content: content, left: left, right: left + width, top: y - 0.9 * size, bottom: y + 0.2 * size)
        }
    }

    @Test(arguments: DataBlockGoldenTests.cases.filter { ["chart", "progress", "timeline"].contains($0.view) }.map(\.name))
    func legibleOnAPhone(_ name: String) throws {
        let testCase = try #require(DataBlockGoldenTests.cases.first { $0.name == name })
        let html = ReportFixtures.render(testCase.view, testCase.body, line: 12).html
        let start = try #require(html.range(of: "<svg class=\"qs-chart"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = html[start.lowerBound..<end.upperBound]
        #expect(svg.contains("viewBox=\"0 0 400 "))
        for match in svg.matches(of: /font-size="([0-9.]+)"/) {
            #expect(Double(match.1)! >= 13, "text drawn at \(match.1) units")
        }
        let texts = Self.texts(of: svg)
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(text.left >= -0.5 && text.right <= 400.5, "\(text.content) runs off the chart")
        }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] {
                let overlap = min(a.right, b.right) - max(a.left, b.left) > 1 && min(a.bottom, b.bottom) - max(a.top, b.top) > 1
                #expect(!overlap, "\(a.content) overlaps \(b.content)")
            }
        }
    }
}
