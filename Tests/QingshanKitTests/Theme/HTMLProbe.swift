import Foundation

/// Small, dependency-free checks on rendered HTML for the theme tests. Not a
/// parser: the theme's own output is regular enough for substring scanning.
enum HTMLProbe {
    /// Occurrences of `needle` in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Names called as `{{> name}}` in a template.
    static func partialNames(in template: String) -> [String] {
        template.components(separatedBy: "{{>").dropFirst().compactMap { rest in
            guard let end = rest.range(of: "}}") else { return nil }
            return rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The first heading that skips a level (`h2` followed by `h4`), as "h2→h4", or nil.
    static func headingLevelsSkip(in html: String) -> String? {
        var previous = 0
        for piece in html.components(separatedBy: "<h").dropFirst() {
            guard let digit = piece.first?.wholeNumberValue, (1...6).contains(digit) else { continue }
            if previous > 0, digit > previous + 1 { return "h\(previous)→h\(digit)" }
            previous = digit
        }
        return nil
    }

    /// `<nav>` elements with neither `aria-label` nor `aria-labelledby`: with
    /// several navigation landmarks, each needs a name.
    static func navsWithoutLabel(in html: String) -> Int {
        html.components(separatedBy: "<nav").dropFirst().filter { piece in
            let tag = piece.prefix { $0 != ">" }
            return !tag.contains("aria-label")
        }.count
    }
}
