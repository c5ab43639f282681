/// Files that editors and office suites write beside the file being edited, which
/// never belong to the site and must not trigger a rebuild on their own.
///
/// Qingshan's loaders skip hidden files (`.skipsHiddenFiles`), so anything whose name
/// starts with a dot, or that lies in a hidden folder, is ignored as well.
public enum EditorTempFiles {
    /// Whether a change to `path` (site-root-relative, `/`-separated) should be ignored.
    public static func isIgnored(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let name = components.last.map(String.init) else { return true }
        // Hidden files and folders: `.#x` (Emacs lock), `.x.swp`/`.x.swx` (Vim swap),
        // `.~lock.x#` (LibreOffice lock), `.goutputstream-*` (GTK), `.DS_Store`.
        if components.contains(where: { $0.hasPrefix(".") }) { return true }
        // `x~`: Emacs, gedit and Kate backups.
        if name.hasSuffix("~") { return true }
        // `~$x.xlsx`: the owner file Excel and Word write beside an open document;
        // `~WRL0001.tmp` and friends: Office's save-in-steps temporaries.
        if name.hasPrefix("~") { return true }
        // `3F2A9C1B`: Excel's save-in-steps temporary (eight hex digits, no extension), written
        // whole and then renamed over the workbook.
        if name.utf8.count == 8, name.utf8.allSatisfy({ isHexDigit($0) }) { return true }
        // `4913`: Vim's probe that the folder is writable, written and deleted at once.
        if name == "4913" { return true }
        // `#x#`: Emacs auto-save.
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        let lower = name.lowercased()
        for suffix in [".swp", ".swx", ".swo", ".tmp", ".temp", ".crdownload", ".part", ".kate-swp"] where lower.hasSuffix(suffix) {
            return true
        }
        return false
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
