extension DataValue {
    /// A cell as templates see it: its text, or for a list or mapping (`type: array|object`)
    /// a list or map of the same, so a layout can iterate a record's tasks.
    var templateValue: TemplateValue {
        switch self {
        case .list(let items): .list(items.map(\.templateValue))
        case .record(let fields): .map(fields.mapValues(\.templateValue))
        default: .string(description)
        }
    }
}
