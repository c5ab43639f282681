/// What an interpolation reads, as far as the template's text tells: a full name in the
/// page context, a value from the site's data, a URL checked by `safeURL`, or a number.
enum TemplateValueOrigin: Equatable {
    case name(String)
    case data
    case checkedURL
    /// A number or a boolean (`count(…)`, `index()`): it cannot start a URL scheme.
    case number

    /// Transforms that keep a list's elements (for a section) or pick one.
    private static let elementTransforms: Set<String> = ["first", "last", "sorted", "reversed"]
    private static let numberTransforms: Set<String> = ["count", "plusone", "minusone", "empty", "equalzero", "even", "odd", "index"]
    /// A section over one of these pushes nothing: its value is a boolean.
    private static let booleanTransforms: Set<String> = ["empty", "equalzero", "even", "odd"]

    var isSafeURL: Bool {
        switch self {
        case .checkedURL, .number: true
        case .name(let name): ContextTrust.isCheckedURL(name)
        case .data: false
        }
    }

    /// Resolves `path` as the renderer would, inside `sections` (outermost first).
    init(_ path: TemplatePath, in sections: ArraySlice<TemplatePath>, asSection: Bool = false) {
        if let outer = path.transforms.first {
            if outer == "safeURL" {
                self = .checkedURL
                return
            }
            if Self.numberTransforms.contains(outer) || path.scope == .listPosition {
                self = .number
                return
            }
            // A string transform (`lowercased`, or `reversed` of a string) makes a new text.
            guard Self.elementTransforms.contains(outer), asSection || outer != "reversed" else {
                self = .data
                return
            }
        }
        let suffix = path.names.joined(separator: ".")
        var rest = sections
        if path.scope == .current {
            guard let container = Self.innermostPushing(&rest) else {
                self = suffix.isEmpty ? .data : .name(suffix)
                return
            }
            self = container.child(suffix)
            return
        }
        while let container = Self.innermostPushing(&rest) {
            switch container {
            case .data:
                self = .data
                return
            case .checkedURL, .number: continue  // a string or number has no names inside
            case .name(let object):
                let full = object + "." + suffix
                if ContextTrust.isOpenObject(object) || ContextTrust.isCheckedURL(full) || ContextTrust.htmlNames.contains(full) {
                    self = .name(full)
                    return
                }
            }
        }
        self = .name(suffix)
    }

    private func child(_ suffix: String) -> Self {
        guard !suffix.isEmpty else { return self }
        if case .name(let object) = self { return .name(object + "." + suffix) }
        return self == .data ? .data : .number
    }

    /// The innermost section that pushes a value, what it pushes; `sections` loses it and
    /// every section inside it.
    private static func innermostPushing(_ sections: inout ArraySlice<TemplatePath>) -> Self? {
        while let section = sections.popLast() {
            if section.scope == .listPosition { continue }
            if let outer = section.transforms.first, booleanTransforms.contains(outer) { continue }
            return Self(section, in: sections, asSection: true)
        }
        return nil
    }
}
