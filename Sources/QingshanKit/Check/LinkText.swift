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
        let key = String(text.lowercased().unicodeScalars.filter { scalar in
            !scalar.properties.isWhitespace && !scalar.properties.generalCategory.isPunctuationOrSymbol
        }.map(Character.init))
        guard key.isEmpty || vague.contains(key) else { return nil }
        return text.trimmingASCIISpaces()
    }
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
