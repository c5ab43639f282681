@testable import QingshanKit

/// Helpers for the Check suites, namespaced so they cannot clash with other suites'.
enum CheckFixture {
    /// Test inputs carry markers (`1️⃣`, `2️⃣`…) where a diagnostic must point; `Marked` strips
    /// them and remembers the line and UTF-8 byte column of each.
    struct Marked {
        var text: String
        var positions: [Character: (line: Int, column: Int)] = [:]

        private static let markers: Set<Character> = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

        init(_ marked: String) {
            text = ""
            var line = 1
            var column = 1
            for character in marked {
                if Self.markers.contains(character) {
                    positions[character] = (line, column)
                    continue
                }
                text.append(character)
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.utf8.count
                }
            }
        }

        /// The location of `marker` in the file `path`.
        func location(_ marker: Character, in path: String) -> SourceLocation {
            let position = positions[marker]!
            return SourceLocation(path: path, line: position.line, column: position.column)
        }

        var bytes: [UInt8] { Array(text.utf8) }
    }

    /// A complete, clean page: language, one title, one `<h1>`. `body` goes on line 6.
    static func page(_ title: String, _ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>\(title)</title>
        <link rel="stylesheet" href="style.css"></head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Site files from strings; a `style.css` at the root (and in each folder used) is added.
    static func site(_ pages: [String: String]) -> [String: [UInt8]] {
        var files = pages.mapValues { Array($0.utf8) }
        for path in pages.keys {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            files[folder.isEmpty ? "style.css" : folder + "/style.css"] = Array("body { margin: 0 }".utf8)
        }
        return files
    }

    /// `id @ path:line:column` for each diagnostic, for readable expectations.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.message.id) @ \($0.location?.description ?? "-")" }
    }
}
