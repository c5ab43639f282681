import Foundation

/// How a column or figure is written (`format:` in a data block).
///
/// Money amounts are stored in 万元 (the schema's unit); `money-yi` divides by 10 000
/// explicitly because the block asked for it, and the header says so (单位：亿元).
enum ValueFormat: String, Sendable, CaseIterable {
    case moneyWan = "money-wan"
    case moneyYi = "money-yi"
    /// The value is already in percentage points: `63` → `63%`.
    case percent
    /// The value is a fraction: `0.63` → `63%`.
    case ratio
    case date
    /// A date shown to the month: `2021年3月`.
    case month
    case integer
    case number

    static var names: [String] { allCases.map(\.rawValue) }

    /// The unit a table header states for a column in this format, if any.
    func unit(fieldUnit: String?) -> String? {
        switch self {
        case .moneyWan: "万元"
        case .moneyYi: "亿元"
        case .percent, .ratio: "%"
        case .date, .month: nil
        case .integer, .number: fieldUnit
        }
    }

    /// The text of a cell in a table whose header states the unit (`4012`, `56.5`, `63`).
    func cell(_ value: DataValue, decimals: Int?) -> String {
        switch (self, value) {
        case (_, .null): return ""
        case (.date, .date(let y, let m, let d)): return ChineseFormat.date(year: y, month: m, day: d)
        case (.month, .date(let y, let m, _)): return ChineseFormat.month(year: y, month: m)
        default: break
        }
        guard let number = value.decimal else { return value.description }
        switch self {
        case .moneyWan: return ChineseFormat.number(number, decimals: decimals)
        case .moneyYi: return ChineseFormat.number(ChineseFormat.toYi(number), decimals: decimals)
        case .percent: return ChineseFormat.number(number, decimals: decimals ?? 0)
        case .ratio: return ChineseFormat.number(ChineseFormat.percentValue(number, decimals: decimals ?? 0), decimals: decimals ?? 0)
        case .integer: return ChineseFormat.number(number, decimals: 0)
        case .number, .date, .month: return ChineseFormat.number(number, decimals: decimals)
        }
    }

    /// The text of a figure standing alone, with its unit (`56.5亿元`, `63%`).
    func figure(_ value: DataValue, decimals: Int?) -> String {
        switch self {
        case .moneyWan, .moneyYi:
            return cell(value, decimals: decimals) + (value.isNull ? "" : unit(fieldUnit: nil) ?? "")
        case .percent, .ratio:
            return cell(value, decimals: decimals) + (value.isNull ? "" : "%")
        default:
            return cell(value, decimals: decimals)
        }
    }

    /// The natural format of a field: dates as dates, numbers as numbers, money in 万元.
    static func natural(for field: DataField?) -> ValueFormat? {
        guard let field else { return nil }
        switch field.type {
        case .date: return .date
        case .integer: return field.unit == "万元" ? .moneyWan : .integer
        case .number: return field.unit == "万元" ? .moneyWan : .number
        default: return nil
        }
    }
}

extension DataValue {
    /// A machine-readable value for `data-value` attributes: ISO dates, plain decimals.
    var attributeValue: String {
        switch self {
        case .number(let d): d.description
        default: description
        }
    }

    /// Whether a cell matches a filter value written in YAML (`已完工`, `3`, `2021-03-05`).
    func matchesFilter(_ text: String) -> Bool {
        if description == text { return true }
        if let number = decimal, let other = Decimal(string: text), !text.isEmpty { return number == other }
        return false
    }
}
