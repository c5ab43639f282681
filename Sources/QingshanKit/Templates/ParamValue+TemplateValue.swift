import Foundation

extension ParamValue {
    /// The value as a template sees it: text, a list, or a dictionary.
    var templateValue: TemplateValue {
        switch self {
        case .text(let text): .string(text)
        case .list(let items): .list(items.map(\.templateValue))
        case .map(let pairs): .map(Dictionary(pairs.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}
