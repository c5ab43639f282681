extension BuildInvocation {
    /// Reads `qingshan [build] [--root DIR] [--output DIR] [--lang zh|en] [--timings]
    /// [--clean] [--dry-run]` (values also as `--root=DIR`), the arguments of every
    /// scripted rebuild, without ArgumentParser. Returns `nil` for anything else (help,
    /// `--watch`, `--archive`, another command, an unknown, repeated or empty option, a
    /// value starting with `-`) so that ArgumentParser reads it and reports its errors.
    /// `FastArgumentsTests` checks that both readings agree.
    init?(fastArguments arguments: [String]) {
        self.init()
        var rest = arguments[...]
        if rest.first == "build" { rest = rest.dropFirst() }
        var seen: Set<Substring> = []
        while let argument = rest.popFirst() {
            let (name, inline) = Self.split(argument)
            guard seen.insert(name).inserted else { return nil }
            if let flag = Self.flag(name) {
                guard inline == nil else { return nil }
                self[keyPath: flag] = true
            } else {
                guard let value = inline ?? rest.popFirst(), set(name, value) else { return nil }
            }
        }
    }

    private static func flag(_ name: Substring) -> WritableKeyPath<BuildInvocation, Bool>? {
        switch name {
        case "--timings": \.timings
        case "--clean": \.clean
        case "--dry-run": \.dryRun
        default: nil
        }
    }

    /// `--name=value` as (`--name`, `value`); any other argument as (argument, `nil`).
    private static func split(_ argument: String) -> (name: Substring, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument[...], nil) }
        return (argument[..<equals], String(argument[argument.index(after: equals)...]))
    }

    /// Sets an option; `false` for an unknown option or a value this reader leaves to
    /// ArgumentParser (empty, starting with `-`, a language other than zh or en).
    private mutating func set(_ name: Substring, _ value: String) -> Bool {
        guard !value.isEmpty, !value.hasPrefix("-") else { return false }
        switch name {
        case "--root": site.root = value
        case "--output": output = value
        case "--lang":
            guard let language = LanguageOption(rawValue: value) else { return false }
            site.lang = language
        default: return false
        }
        return true
    }
}
