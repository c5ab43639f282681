import Foundation

/// A value a template can show: what Qingshan hands to its Mustache layouts.
///
/// Typed, so rendering looks names up in dictionaries and switches on a tag instead of
/// casting `Any` to protocols (which was most of a page's rendering time with
/// swift-mustache: see BENCHMARKS.md).
///
/// Truthiness follows swift-mustache, which the themes were written against: `false`,
/// a missing name and an empty list are false; every other value, including `""` and
/// `0`, is true (so contexts leave out empty strings they want to test).
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// The text `{{name}}` shows (before escaping). Lists and maps show nothing.
    var text: String {
        switch self {
        case .string(let text): text
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .list, .map: ""
        }
    }

    subscript(key: String) -> TemplateValue? {
        if case .map(let values) = self { return values[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }
}

extension TemplateValue {
    /// The named transforms of swift-mustache (`{{^empty(page.summary)}}`,
    /// `{{count(data.villages.rows)}}`), applied to this value; `nil` when the transform
    /// does not apply to it.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .string(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .string(text.capitalized)
            case "lowercased": return .string(text.lowercased())
            case "uppercased": return .string(text.uppercased())
            case "reversed": return .string(String(text.reversed()))
            // Qingshan's own: the text when it is a URL `URLSafety` accepts, else nothing.
            case "safeURL": return URLSafety.isSafe(text) ? .string(text) : nil
            // Qingshan's own: the text as the inside of a CSS string (`content: "…"`).
            case "cssString": return .string(Self.cssEscaped(text))
            default: return nil
            }
        case .int(let value):
            switch name {
            case "equalzero": return .bool(value == 0)
            case "plusone": return .int(value &+ 1)
            case "minusone": return .int(value &- 1)
            case "even": return .bool(value & 1 == 0)
            case "odd": return .bool(value & 1 == 1)
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "sorted": return Self.sorted(items).map(TemplateValue.list)
            default: return nil
            }
        case .map(let values):
            switch name {
            case "count": return .int(values.count)
            case "empty": return .bool(values.isEmpty)
            case "enumerated", "sorted":
                // Key order is the only deterministic one a dictionary has.
                return .list(values.keys.sorted().map { .map(["key": .string($0), "value": values[$0]!]) })
            default: return nil
            }
        case .bool:
            return nil
        }
    }

    /// Lists of only strings or only integers sort; others have no order.
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        var strings: [String] = []
        var ints: [Int] = []
        for item in items {
            switch item {
            case .string(let text): strings.append(text)
            case .int(let value): ints.append(value)
            default: return nil
            }
        }
        if ints.isEmpty { return strings.sorted().map(TemplateValue.string) }
        if strings.isEmpty { return ints.sorted().map(TemplateValue.int) }
        return nil
    }
}

extension TemplateValue {
    /// `text` for the inside of a quoted CSS string: letters, digits and spaces as they
    /// are, every other character as a CSS escape (`\2F `). The result holds none of
    /// `& < > " ' \n`, so HTML escaping leaves it alone and it cannot end the string or the
    /// `<style>` element.
    static func cssEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            // ASCII first: Unicode properties are looked up only above U+007F.
            if scalar == " " || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar.value > 0x7F && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            }
        }
        return out
    }
}
