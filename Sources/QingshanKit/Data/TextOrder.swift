import Foundation

/// How the values of one field sort, as a Chinese reader expects:
///
/// - a field that references another dataset (a `foreignKeys` entry of one field, such as
///   villages' `county` → `units.name`) follows that dataset's row order: the official
///   administrative order the `units` file keeps (通川区, 达川区, … 万源市, then 万州区 …);
/// - a field with an `enum` constraint follows the enum's order (未开工, 在建, 已完工, 已验收);
/// - any other text sorts by pinyin (``ChineseCollation``).
///
/// Values the reference or enum does not list come after the listed ones, in pinyin order.
/// Numbers, dates and empty cells sort as ``DataValue/ascending(_:_:)`` says.
public struct TextOrder: Sendable, Hashable {
    /// The position of each listed text.
    public var listed: [String: Int]

    public init(listed: [String: Int] = [:]) {
        self.listed = listed
    }

    /// Pinyin order for every text.
    public static let pinyin = TextOrder()

    /// The order of `field` in `dataset`, its reference resolved among `datasets`.
    public static func of(field: String, in dataset: Dataset, datasets: [String: Dataset]) -> TextOrder {
        if let schema = dataset.schema {
            for key in schema.foreignKeys where key.fields == [field] && key.referenceFields.count == 1 {
                let target = key.resource.isEmpty ? dataset : datasets[key.resource]
                guard let target else { continue }
                return TextOrder(texts: target.rows.map { $0[key.referenceFields[0]].description })
            }
            if let values = schema.field(named: field)?.constraints.enumValues {
                return TextOrder(texts: values)
            }
        }
        return .pinyin
    }

    /// Listed in the order given; a text listed twice keeps its first place.
    init(texts: [String]) {
        var listed: [String: Int] = [:]
        for (index, text) in texts.enumerated() where listed[text] == nil { listed[text] = index }
        self.listed = listed
    }

    /// Whether text `a` comes before text `b`.
    public func ascending(_ a: String, _ b: String) -> Bool {
        switch (listed[a], listed[b]) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): ChineseCollation.ascending(a, b)
        }
    }

    /// Whether `a` comes before `b`: texts in this order, other values as `DataValue.ascending` says.
    public func ascending(_ a: DataValue, _ b: DataValue) -> Bool {
        if case .string(let x) = a, case .string(let y) = b { return ascending(x, y) }
        return DataValue.ascending(a, b)
    }

    /// Each distinct value's 0-based rank among `values` (keyed by its text), for a
    /// `data-order` attribute so that a script sorting the built table agrees with the build.
    public func ranks(of values: [DataValue]) -> [String: Int] {
        var seen: [String: DataValue] = [:]
        for value in values where seen[value.description] == nil { seen[value.description] = value }
        let sorted = seen.values.sorted { ascending($0, $1) || (!ascending($1, $0) && $0.description < $1.description) }
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.description, $0) })
    }
}

extension DataValue {
    /// Orders values for `sort:`: numbers by value, dates by calendar, text by pinyin
    /// (``ChineseCollation``); empty cells last. A field's own order is ``TextOrder``'s.
    static func ascending(_ a: DataValue, _ b: DataValue) -> Bool {
        switch (a, b) {
        case (.null, _): return false
        case (_, .null): return true
        case (.date(let y1, let m1, let d1), .date(let y2, let m2, let d2)): return (y1, m1, d1) < (y2, m2, d2)
        default:
            if let x = a.decimal, let y = b.decimal { return x < y }
            return ChineseCollation.ascending(a.description, b.description)
        }
    }
}
