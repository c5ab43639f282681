import Foundation
import Yams

/// The options of one data block, read from its YAML body, each field name kept with
/// its position so that later checks against the dataset can point at it.
struct DataBlockOptions: Sendable {
    enum Aggregate: Sendable {
        case count
        /// `sum: field`; a bare `sum` in a chart adds up its `y` fields.
        case sum(OptionValue<String>?)
        case mean(OptionValue<String>?)

        var field: OptionValue<String>? {
            switch self {
            case .count: nil
            case .sum(let field), .mean(let field): field
            }
        }
    }

    struct Column: Sendable {
        var field: OptionValue<String>
        var title: String?
        var format: ValueFormat?
    }

    /// `{field: value}` or `{field: [values]}`: rows whose cell equals one of the values.
    struct Condition: Sendable {
        var field: OptionValue<String>
        var values: [String]
    }

    struct SortKey: Sendable {
        var field: OptionValue<String>
        var descending: Bool
    }

    enum ChartType: String, Sendable, CaseIterable {
        case bar
        case stackedBar = "stacked-bar"
        case donut, line, ring
    }

    var view: String
    var source: OptionValue<String>?
    var title: String?
    var description: String?
    var columns: [Column]?
    var filters: [Condition] = []
    var groupBy: OptionValue<String>?
    var sort: [SortKey] = []
    var aggregate: Aggregate?
    var limit: Int?
    var format: ValueFormat?
    var decimals: Int?
    var chartType: ChartType?
    /// `type: bar` in a progress block draws bars instead of rings.
    var progressBars = false
    var x: OptionValue<String>?
    var y: [OptionValue<String>] = []
    var series: OptionValue<String>?
    var done: Condition?
    var start: OptionValue<String>?
    var end: OptionValue<String>?
    /// A field in `timeline` (the bar's label), a text in `stat` (the figure's label).
    var label: OptionValue<String>?
    var value: OptionValue<String>?
    var unit: String?
    /// `over: snapshots`: a chart of the measure at each snapshot and now (a trend).
    var overSnapshots = false
    /// `target: {value: 100, date: 2021-12-31, label: 全部完工}`: a trend's reference line.
    var target: Target?

    /// A reference line: the value to reach, and by when if the page says.
    struct Target: Sendable {
        var value: Decimal
        var date: String?
        var label: String?
    }

    /// The options each view accepts; anything else is an unknown option.
    static let allowed: [String: [String]] = {
        let common = ["source", "title", "description", "filter", "sort", "limit"]
        return [
            "table": common + ["columns", "groupBy", "aggregate"],
            "chart": common + ["type", "x", "y", "series", "aggregate", "format", "decimals", "over", "done", "target"],
            "progress": common + ["type", "groupBy", "done"],
            "timeline": common + ["start", "end", "label", "format"],
            "stat": common + ["value", "aggregate", "label", "unit", "format", "decimals"],
        ]
    }()

    /// Reads the options of a `view` block; reports every problem and returns what it could read.
    static func parse(view: String, yaml: BlockYAML, diagnostics: inout Diagnostics) -> DataBlockOptions? {
        guard let root = yaml.root(diagnostics: &diagnostics) else { return nil }
        var options = DataBlockOptions(view: view)
        let allowed = allowed[view] ?? []
        for (key, node) in root {
            guard allowed.contains(key.value) else {
                diagnostics.error(
                    .dataBlockUnknownOption(key.value, view: view), at: key.location,
                    notes: ["options of a `\(view)` block: \(allowed.joined(separator: ", "))"])
                continue
            }
            options.read(key.value, node, yaml: yaml, diagnostics: &diagnostics)
        }
        if options.source == nil {
            diagnostics.error(.dataBlockMissingOption("source", view: view), at: yaml.fenceLocation)
        }
        return options
    }

    private mutating func read(_ key: String, _ node: Node, yaml: BlockYAML, diagnostics: inout Diagnostics) {
        switch key {
        case "source": source = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "title": title = yaml.string(node, option: key, diagnostics: &diagnostics)?.value
        case "description": description = yaml.string(node, option: key, diagnostics: &diagnostics)?.value
        case "groupBy": groupBy = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "limit": limit = yaml.integer(node, option: key, diagnostics: &diagnostics)?.value
        case "decimals": decimals = yaml.integer(node, option: key, diagnostics: &diagnostics)?.value
        case "x": x = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "y": y = yaml.strings(node, option: key, diagnostics: &diagnostics) ?? []
        case "series": series = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "start": start = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "end": end = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "label": label = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "value": value = yaml.string(node, option: key, diagnostics: &diagnostics)
        case "unit": unit = yaml.string(node, option: key, diagnostics: &diagnostics)?.value
        case "format":
            if let text = yaml.string(node, option: key, diagnostics: &diagnostics) {
                format = Self.format(text, diagnostics: &diagnostics)
            }
        case "type": readType(node, yaml: yaml, diagnostics: &diagnostics)
        case "sort":
            for text in yaml.strings(node, option: key, diagnostics: &diagnostics) ?? [] {
                let descending = text.value.hasPrefix("-")
                var field = text
                if descending {
                    field.value.removeFirst()
                    field.location.column = field.location.column.map { $0 + 1 }
                }
                sort.append(SortKey(field: field, descending: descending))
            }
        case "filter":
            filters = Self.conditions(node, option: key, yaml: yaml, diagnostics: &diagnostics)
        case "done":
            done = Self.conditions(node, option: key, yaml: yaml, diagnostics: &diagnostics).first
        case "aggregate": aggregate = Self.aggregate(node, yaml: yaml, diagnostics: &diagnostics)
        case "over":
            guard let text = yaml.string(node, option: key, diagnostics: &diagnostics) else { break }
            guard text.value == "snapshots" else {
                diagnostics.error(.dataBlockUnknownValue(text.value, option: key, allowed: ["snapshots"]), at: text.location)
                break
            }
            overSnapshots = true
        case "target": target = Self.target(node, yaml: yaml, diagnostics: &diagnostics)
        case "columns": columns = Self.columns(node, yaml: yaml, diagnostics: &diagnostics)
        default: break
        }
    }

    private mutating func readType(_ node: Node, yaml: BlockYAML, diagnostics: inout Diagnostics) {
        guard let text = yaml.string(node, option: "type", diagnostics: &diagnostics) else { return }
        if view == "progress" {
            guard text.value == "ring" || text.value == "bar" else {
                diagnostics.error(
                    .dataBlockUnknownValue(text.value, option: "type", allowed: ["ring", "bar"]), at: text.location)
                return
            }
            progressBars = text.value == "bar"
            return
        }
        guard let type = ChartType(rawValue: text.value) else {
            diagnostics.error(
                .dataBlockUnknownValue(text.value, option: "type", allowed: ChartType.allCases.map(\.rawValue)),
                at: text.location)
            return
        }
        chartType = type
    }

    static func format(_ text: OptionValue<String>, diagnostics: inout Diagnostics) -> ValueFormat? {
        guard let format = ValueFormat(rawValue: text.value) else {
            diagnostics.error(
                .dataBlockUnknownValue(text.value, option: "format", allowed: ValueFormat.names), at: text.location)
            return nil
        }
        return format
    }

    private static func conditions(_ node: Node, option: String, yaml: BlockYAML, diagnostics: inout Diagnostics)
        -> [Condition]
    {
        let expected = "a mapping `field: value` or `field: [values]`"
        guard let pairs = yaml.mapping(node, option: option, expected: expected, diagnostics: &diagnostics) else {
            return []
        }
        return pairs.compactMap { key, value in
            guard let values = yaml.strings(value, option: option, diagnostics: &diagnostics) else { return nil }
            return Condition(field: key, values: values.map(\.value))
        }
    }

    /// `target: 100` or `target: {value: 100, date: 2021-12-31, label: 全部完工}`.
    private static func target(_ node: Node, yaml: BlockYAML, diagnostics: inout Diagnostics) -> Target? {
        if case .scalar = node {
            guard let text = yaml.string(node, option: "target", diagnostics: &diagnostics) else { return nil }
            return number(text, diagnostics: &diagnostics).map { Target(value: $0) }
        }
        let expected = "a number, or `{value: 100, date: 2021-12-31, label: …}`"
        guard let pairs = yaml.mapping(node, option: "target", expected: expected, diagnostics: &diagnostics) else { return nil }
        var target = Target(value: 0)
        var hasValue = false
        for (key, value) in pairs {
            guard let text = yaml.string(value, option: "target." + key.value, diagnostics: &diagnostics) else { continue }
            switch key.value {
            case "value":
                target.value = number(text, diagnostics: &diagnostics) ?? 0
                hasValue = true
            case "date": target.date = text.value
            case "label": target.label = text.value
            default:
                diagnostics.error(.dataBlockUnknownOption("target." + key.value, view: "chart"), at: key.location, notes: ["keys of `target`: value, date, label"])
            }
        }
        if !hasValue { diagnostics.error(.dataBlockMissingOption("target.value", view: "chart"), at: pairs.first?.key.location) }
        return hasValue ? target : nil
    }

    private static func number(_ text: OptionValue<String>, diagnostics: inout Diagnostics) -> Decimal? {
        guard let number = Decimal(string: text.value, locale: Locale(identifier: "en_US_POSIX")), !text.value.isEmpty else {
            diagnostics.error(.dataBlockUnknownValue(text.value, option: "target", allowed: ["a number"]), at: text.location)
            return nil
        }
        return number
    }

    private static func aggregate(_ node: Node, yaml: BlockYAML, diagnostics: inout Diagnostics) -> Aggregate? {
        let names = ["count", "sum", "mean"]
        if case .scalar = node, let text = yaml.string(node, option: "aggregate", diagnostics: &diagnostics) {
            switch text.value {
            case "count": return .count
            case "sum": return .sum(nil)
            case "mean": return .mean(nil)
            default:
                diagnostics.error(
                    .dataBlockUnknownValue(text.value, option: "aggregate", allowed: names), at: text.location)
                return nil
            }
        }
        let expected = "`count`, `sum: field` or `mean: field`"
        guard let pairs = yaml.mapping(node, option: "aggregate", expected: expected, diagnostics: &diagnostics),
            pairs.count == 1, let (key, value) = pairs.first
        else {
            if case .mapping = node {
                diagnostics.error(.dataBlockWrongType("aggregate", expected: expected), at: yaml.location(of: node))
            }
            return nil
        }
        guard let field = yaml.string(value, option: "aggregate", diagnostics: &diagnostics) else { return nil }
        switch key.value {
        case "sum": return .sum(field)
        case "mean": return .mean(field)
        default:
            diagnostics.error(.dataBlockUnknownValue(key.value, option: "aggregate", allowed: names), at: key.location)
            return nil
        }
    }

    private static func columns(_ node: Node, yaml: BlockYAML, diagnostics: inout Diagnostics) -> [Column]? {
        guard case .sequence(let items) = node else {
            diagnostics.error(.dataBlockWrongType("columns", expected: "a list"), at: yaml.location(of: node))
            return nil
        }
        var columns: [Column] = []
        for item in items {
            if case .mapping = item {
                let expected = "a field name or `{field, title, format}`"
                guard let pairs = yaml.mapping(item, option: "columns", expected: expected, diagnostics: &diagnostics)
                else { continue }
                var field: OptionValue<String>?
                var column = Column(field: OptionValue(value: "", location: yaml.location(of: item)))
                for (key, value) in pairs {
                    switch key.value {
                    case "field": field = yaml.string(value, option: "field", diagnostics: &diagnostics)
                    case "title": column.title = yaml.string(value, option: "title", diagnostics: &diagnostics)?.value
                    case "format":
                        column.format = yaml.string(value, option: "format", diagnostics: &diagnostics)
                            .flatMap { format($0, diagnostics: &diagnostics) }
                    default:
                        diagnostics.error(
                            .dataBlockUnknownOption(key.value, view: "columns"), at: key.location,
                            notes: ["a column takes `field`, `title` and `format`"])
                    }
                }
                guard let field else {
                    diagnostics.error(.dataBlockMissingOption("field", view: "columns"), at: yaml.location(of: item))
                    continue
                }
                column.field = field
                columns.append(column)
            } else if let field = yaml.string(item, option: "columns", diagnostics: &diagnostics) {
                columns.append(Column(field: field))
            }
        }
        return columns
    }
}
