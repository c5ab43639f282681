/// Finds interpolations that escaping does not make safe, at the tag's line and column.
///
/// Mustache's `{{x}}` escapes `& < > " '`, which is enough between tags and inside a quoted
/// attribute value, and nowhere else: not in `<script>` or `<style>`, not in an event
/// handler or a `style` attribute, not in an unquoted value, and not at the start of a
/// URL (`javascript:` needs no special character). Each interpolation's context comes from
/// `HTMLContextScanner`; what it reads comes from the names in `PageContext+Trust`.
/// The rules are documented in docs/TEMPLATES.md, "Safe templates".
enum TemplateLint {
    /// Attributes whose value is a URL (or, for `srcset`, a list of URLs).
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "srcset", "xlink:href", "poster", "cite", "background", "ping", "manifest", "longdesc", "data",
    ]

    /// The lint's findings for `template`, read from the file at `path`.
    static func check(_ template: Template, path: String) -> [Diagnostic] {
        template.interpolations.compactMap { interpolation in
            problem(with: interpolation).map {
                .error($0, at: SourceLocation(path: path, line: interpolation.line, column: interpolation.column))
            }
        }
    }

    /// Whether a partial name leaves the theme's `partials/` folder.
    static func climbsOutOfTheme(_ name: String) -> Bool {
        name.hasPrefix("/") || name.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    static func problem(with interpolation: Template.Interpolation) -> Diagnostic.Message? {
        let source = interpolation.path.source
        let tag = interpolation.escaped ? "{{\(source)}}" : "{{{\(source)}}}"
        let value = TemplateValueOrigin(interpolation.path, in: interpolation.sections[...])
        if !interpolation.escaped {
            if case .jsonLD = interpolation.context { return .templateJSONLD(tag) }
            guard interpolation.context == .text, case .name(let name) = value, PageContext.htmlNames.contains(name) else {
                return .templateUnescaped(tag, name: source)
            }
            return nil
        }
        switch interpolation.context {
        case .text, .comment:
            return nil
        case .tag:
            return .templateInTag(tag)
        case .rawText(let element):
            // Inside <style>, a value escaped for CSS (`{{cssString(name)}}`) is only letters,
            // digits, spaces and `\hex ` escapes: nothing can end the string or the element.
            if element == "style", interpolation.path.transforms.first == "cssString" { return nil }
            return .templateRawText(tag, element: element)
        case .jsonLD(let inString):
            return inString ? nil : .templateJSONLD(tag)
        case .attributeValue(let attribute, let quoted, let schemeFixed):
            if !quoted { return .templateUnquotedAttribute(tag, attribute: attribute) }
            if attribute.hasPrefix("on") && attribute.count > 2 { return .templateEventAttribute(tag, attribute: attribute) }
            if attribute == "style" { return .templateStyleAttribute(tag) }
            if urlAttributes.contains(attribute), !schemeFixed, !value.isSafeURL {
                return .templateUncheckedURL(tag, attribute: attribute)
            }
            return nil
        }
    }
}
