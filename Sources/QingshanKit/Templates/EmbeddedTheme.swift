public import Foundation

/// The default theme, carried inside the binary (`EmbeddedTheme+Files.swift`, written by
/// `scripts/embed-theme` from `site-templates/default`), so that a site made by `qingshan
/// new` builds on a machine that has only the binary.
///
/// A site's own `site-templates/default/` replaces it whole; `content/templates/`
/// overrides single files of either, as before. Its files are named in messages and
/// source maps under `sourceFolder` (`(built-in)/default/layouts/page.mustache`).
public enum EmbeddedTheme {
    /// The one theme the binary carries.
    public static let name = "default"
    /// The folder its files are named under, in place of `site-templates/default`.
    public static let sourceFolder = "(built-in)/default"

    /// Whether the binary carries the theme `theme`.
    static func carries(_ theme: String) -> Bool { theme == name }

    /// The bytes of a file named by its source path (`(built-in)/default/assets/style.css`),
    /// or `nil` when the path is not one of the embedded theme's.
    static func data(atSourcePath path: String) -> Data? {
        guard path.hasPrefix(sourceFolder + "/") else { return nil }
        return files[String(path.dropFirst(sourceFolder.count + 1))].map { Data($0.utf8) }
    }

    /// The files of `folder` (`layouts`, `partials`, `assets`) by their path inside it.
    static func files(in folder: String) -> [(path: String, text: String)] {
        files.keys.sorted().filter { $0.hasPrefix(folder + "/") }.map { (String($0.dropFirst(folder.count + 1)), files[$0]!) }
    }

    /// Writes the theme's files under `folder` (for a site that wants to change its theme
    /// as a whole: `site-templates/default`).
    public static func write(to folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
