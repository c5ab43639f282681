/// What file systems refuse in one name (one component of a path): shared by the output
/// path rules and by front matter, so a slug is refused at its own line before writing.
enum FileNameRules {
    /// ext4, NTFS, APFS and FAT's long names all stop at 255 (bytes or UTF-16 units).
    static let maxNameBytes = 255

    static let reservedNames: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul"]
        for n in 1...9 {
            names.insert("com\(n)")
            names.insert("lpt\(n)")
        }
        return names
    }()
    static let reservedCharacters = Set("<>:\"|?*\\".unicodeScalars)

    /// Why Windows cannot store `name` ("uses the reserved name 'con'"), or `nil`.
    static func windowsProblem(_ name: Substring) -> String? {
        if let bad = name.unicodeScalars.first(where: { $0.value < 0x20 || ($0.value < 0x80 && reservedCharacters.contains($0)) }) {
            return "contains '\(bad.escaped(asASCII: true))'"
        }
        if name.hasSuffix(".") || name.hasSuffix(" ") {
            return "has a component ending in a dot or space"
        }
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if reservedNames.contains(stem) { return "uses the reserved name '\(name)'" }
        return nil
    }

    /// The first name in `path` longer than `maxNameBytes`, with its length in bytes.
    static func overlongName(in path: String) -> (name: Substring, bytes: Int)? {
        // Every output path is checked on every build: most are short enough to need no split.
        guard path.utf8.count > maxNameBytes else { return nil }
        for name in path.split(separator: "/") where name.utf8.count > maxNameBytes {
            return (name, name.utf8.count)
        }
        return nil
    }
}
