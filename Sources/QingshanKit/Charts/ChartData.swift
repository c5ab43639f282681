import Foundation

/// What a chart draws: categories along one axis, one or more series of values, and
/// how to write a value. Values are `Decimal`; only geometry converts them to `Double`.
struct ChartData: Sendable {
    struct Series: Sendable {
        var name: String
        var values: [Decimal]
    }

    var categoryTitle: String
    var categories: [String]
    /// The raw category values (dates for a line chart over time).
    var categoryValues: [DataValue]
    var series: [Series]
    var format: ValueFormat?
    var decimals: Int?
    var fieldUnit: String?

    /// A value as written on a bar or point (`4012`, `63%`).
    func label(_ value: Decimal) -> String {
        let format = format ?? .number
        switch format {
        case .percent, .ratio: return format.figure(.number(value), decimals: decimals)
        default: return format.cell(.number(value), decimals: decimals)
        }
    }

    /// The unit stated once for the whole chart (`单位：万元`), if any.
    var unit: String? {
        guard let unit = (format ?? .number).unit(fieldUnit: fieldUnit), unit != "%" else { return nil }
        return unit
    }

    /// A sentence listing every value, for `<desc>` when the author wrote no description.
    var summary: String {
        var parts: [String] = []
        for (index, category) in categories.enumerated() {
            let values = series.map { series.count > 1 ? "\($0.name) \(label($0.values[index]))" : label($0.values[index]) }
            parts.append("\(category)：\(values.joined(separator: "，"))")
        }
        return parts.joined(separator: "；") + (unit.map { "（单位：\($0)）" } ?? "") + "。"
    }
}
