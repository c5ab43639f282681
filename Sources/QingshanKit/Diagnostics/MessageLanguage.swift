/// The language the command line speaks to the person at the terminal: diagnostics, the
/// build summary, `check`'s findings, the preview's error overlay.
///
/// Chosen in this order: a flag (`--lang zh|en`), then `QINGSHAN_LANG`, then Chinese when
/// the site's `language` or the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) is Chinese,
/// English otherwise. Officials who edit a `zh-CN` site read Chinese without asking for it.
public enum MessageLanguage: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// Reads `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese`, `en`, `en_US.UTF-8`; `nil` for anything else.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered == "zh" || lowered == "chinese" || lowered.hasPrefix("zh-") || lowered.hasPrefix("zh_") || lowered.hasPrefix("zh.") {
            self = .chinese
        } else if lowered == "en" || lowered == "english" || lowered.hasPrefix("en-") || lowered.hasPrefix("en_") || lowered.hasPrefix("en.") {
            self = .english
        } else {
            return nil
        }
    }

    /// The language for one run: see the type's documentation for the order.
    public static func resolve(flag: String?, environment: [String: String], siteLanguage: String?) -> MessageLanguage {
        if let flag, let language = MessageLanguage(code: flag) { return language }
        if let forced = environment["QINGSHAN_LANG"], let language = MessageLanguage(code: forced) { return language }
        if let siteLanguage, MessageLanguage(code: siteLanguage) == .chinese { return .chinese }
        // The first locale variable that is set decides, as in POSIX (LC_ALL wins).
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return MessageLanguage(code: value) == .chinese ? .chinese : .english }
        }
        return .english
    }

    /// The text in this language: `english` or `chinese`.
    public func pick(_ english: String, _ chinese: String) -> String {
        self == .chinese ? chinese : english
    }
}

extension Diagnostic.Message {
    /// The text in `language`; the English text when a Chinese one is missing (the
    /// catalogue test makes sure none is).
    public func text(in language: MessageLanguage) -> String {
        language == .chinese ? (zh ?? text) : text
    }
}

extension Diagnostics {
    /// "2 errors, 1 warning" or "2 个错误，1 个警告"; "no problems" or "没有发现问题".
    public func summary(in language: MessageLanguage) -> String {
        guard language == .chinese else { return summary }
        let e = errorCount
        let w = warningCount
        if e == 0 && w == 0 { return "没有发现问题" }
        var parts: [String] = []
        if e > 0 { parts.append("\(e) 个错误") }
        if w > 0 { parts.append("\(w) 个警告") }
        return parts.joined(separator: "，")
    }
}
