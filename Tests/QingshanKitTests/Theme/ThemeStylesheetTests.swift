import Foundation
import Testing

/// The default stylesheet: WCAG 2.1 AA contrast of its colour pairs, and the
/// rules that keep it readable at 200 %, printable and usable by keyboard.
@Suite("Default theme stylesheet")
struct ThemeStylesheetTests {
    /// A foreground and background custom property that the theme puts together,
    /// and the ratio they need: 4.5 for text, 3 for focus indicators and large text.
    struct Pair: CustomTestStringConvertible, Sendable {
        let foreground: String
        let background: String
        let minimum: Double
        var testDescription: String { "\(foreground) on \(background) ≥ \(minimum)" }
    }

    static let pairs: [Pair] = [
        Pair(foreground: "--ink", background: "--paper", minimum: 4.5),
        Pair(foreground: "--ink", background: "--paper-alt", minimum: 4.5),
        Pair(foreground: "--ink", background: "--notice-bg", minimum: 4.5),
        Pair(foreground: "--ink-muted", background: "--paper", minimum: 4.5),
        Pair(foreground: "--ink-muted", background: "--paper-alt", minimum: 4.5),
        Pair(foreground: "--link", background: "--paper", minimum: 4.5),
        Pair(foreground: "--link", background: "--paper-alt", minimum: 4.5),
        Pair(foreground: "--link-visited", background: "--paper", minimum: 4.5),
        Pair(foreground: "--link-visited", background: "--paper-alt", minimum: 4.5),
        Pair(foreground: "--accent", background: "--paper-alt", minimum: 4.5),
        Pair(foreground: "--on-brand", background: "--brand", minimum: 4.5),
        Pair(foreground: "--on-brand", background: "--brand-dark", minimum: 4.5),
        Pair(foreground: "--focus-ink", background: "--focus", minimum: 4.5),
        // Focus indicators (WCAG 1.4.11): the dark outline on the page, the yellow ring on the header.
        Pair(foreground: "--focus-ink", background: "--paper", minimum: 3),
        Pair(foreground: "--focus", background: "--brand-dark", minimum: 3),
        Pair(foreground: "--focus", background: "--brand", minimum: 3),
    ]

    @Test("colour pairs meet WCAG 2.1 AA contrast", arguments: pairs)
    func contrast(_ pair: Pair) throws {
        let colours = try Self.customProperties()
        let foreground = try #require(colours[pair.foreground].flatMap(RGB.init(hex:)), "\(pair.foreground) is not a #rrggbb colour")
        let background = try #require(colours[pair.background].flatMap(RGB.init(hex:)), "\(pair.background) is not a #rrggbb colour")
        let ratio = RGB.contrast(foreground, background)
        #expect(ratio >= pair.minimum, "\(pair.testDescription): \(ratio)")
    }

    @Test("text sizes scale with the reader's setting", arguments: ["font-size", "line-height"])
    func relativeSizes(_ property: String) throws {
        let css = try DefaultTheme.stylesheet()
        let screen = try #require(css.components(separatedBy: "@media print").first)
        for declaration in screen.components(separatedBy: property + ":").dropFirst() {
            let value = declaration.prefix { $0 != ";" && $0 != "}" }
            #expect(!value.contains("px"), "\(property):\(value) is fixed in px")
        }
    }

    @Test("keyboard focus, print and system fonts are provided for")
    func essentials() throws {
        let css = try DefaultTheme.stylesheet()
        #expect(css.contains(":focus-visible {"))
        #expect(css.contains(".skip-link:focus"))
        #expect(css.contains("@media print {"))
        #expect(css.contains("@page {\n    size: A4;"))
        // Reports print as reports (issue 19): header on every page, rows whole, no tools.
        #expect(css.contains(".qs-table thead { display: table-header-group; }"))
        #expect(css.contains(".qs-table tr { break-inside: avoid;"))
        #expect(css.contains(".site-menu, .qs-table-tools, .record-nav, .qs-data-table { display: none !important; }"))
        #expect(css.contains("\"Noto Sans CJK SC\""))
        #expect(css.contains("\"Microsoft YaHei\""))
    }

    /// `--name: value;` declarations of the `:root` block.
    static func customProperties() throws -> [String: String] {
        let css = try DefaultTheme.stylesheet()
        let start = try #require(css.range(of: ":root {"))
        let end = try #require(css.range(of: "\n}", range: start.upperBound..<css.endIndex))
        var properties: [String: String] = [:]
        for line in css[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let value = trimmed[trimmed.index(after: colon)...].prefix { $0 != ";" }
            properties[String(trimmed[..<colon])] = value.trimmingCharacters(in: .whitespaces)
        }
        return properties
    }
}

/// An sRGB colour, for WCAG relative luminance.
struct RGB {
    let red: Double, green: Double, blue: Double

    init?(hex: String) {
        guard hex.hasPrefix("#"), hex.count == 7, let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// Relative luminance as WCAG 2.1 defines it.
    var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The contrast ratio (1…21) between two colours, in either order.
    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (light, dark) = a.luminance > b.luminance ? (a.luminance, b.luminance) : (b.luminance, a.luminance)
        return (light + 0.05) / (dark + 0.05)
    }
}
