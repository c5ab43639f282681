/// Whether a link's text says where it goes (WCAG 2.4.4): `更多` or `点击这里` alone does not.
enum LinkText {
    /// Texts that say nothing about the target, compared without spaces and punctuation,
    /// in lowercase.
    private static let vague: Set<String> = [
        "点击这里", "点击此处", "点此", "点击", "这里", "此处", "更多", "查看更多", "详情", "查看详情",
        "clickhere", "here", "more", "readmore", "link",
    ]

    /// nil when the text is descriptive; otherwise the trimmed text to quote in the warning
    /// (empty when the link has no text at all).
    static func vagueness(of text: String) -> String? {
        // Every vague text is short: stop building the key as soon as it outgrows them,
        // so descriptive links (nearly all) cost a few scalars each.
        var key = String.UnicodeScalarView()
        var keyBytes = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuationOrSymbol { continue }
            keyBytes += UTF8.width(scalar)
            if keyBytes > maximumKeyBytes { return nil }
            key.append(scalar)
        }
        guard key.isEmpty || vague.contains(String(key).lowercased()) else { return nil }
        return text.trimmingASCIISpaces()
    }

    private static let maximumKeyBytes = 16
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
