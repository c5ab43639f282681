import Foundation

/// The files of `content/data/` sorted into datasets and schemas, by name; with the
/// problems the names alone show (two files for one dataset, legacy spreadsheets, the
/// owner files Excel and WPS leave beside an open workbook).
struct DataFolderListing {
    /// Dataset name → file name (`villages` → `villages.xlsx`).
    var dataFiles: [String: String] = [:]
    /// Dataset name → schema file name (`villages` → `villages.schema.yaml`).
    var schemaFiles: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    static let dataExtensions = ["csv", "yaml", "yml", "json", "xlsx"]
    /// Legacy Excel (BIFF) and WPS spreadsheets: refused with a hint to save as .xlsx.
    static let legacyExtensions = ["xls", "et"]

    /// `nil` when the folder cannot be listed (a site without data).
    init?(folder: URL, path folderPath: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() else { return nil }
        for file in names where !file.hasPrefix(".") {
            guard let dot = file.lastIndex(of: ".") else { continue }
            let ext = file[file.index(after: dot)...].lowercased()
            let stem = String(file[..<dot])
            let location = SourceLocation(path: DatasetLoader.join(folderPath, file))
            if file.hasPrefix("~$") {
                // Excel and WPS write `~$villages.xlsx` while the workbook is open; LibreOffice's
                // `.~lock.villages.xlsx#` starts with a dot and is skipped with the hidden files.
                diagnostics.append(.note(.workbookLockFile(file), at: location))
            } else if stem.hasSuffix(".schema"), ["json", "yaml", "yml"].contains(ext) {
                schemaFiles[String(stem.dropLast(".schema".count))] = file
            } else if Self.legacyExtensions.contains(ext) {
                diagnostics.append(.error(.workbookLegacyFormat(String(ext)), at: location))
            } else if Self.dataExtensions.contains(ext) {
                if let other = dataFiles[stem] {
                    diagnostics.append(
                        .error(
                            .dataDuplicateName(stem), at: location,
                            notes: ["'\(other)' and '\(file)' would both be dataset '\(stem)'; keep one of them"]))
                    continue
                }
                dataFiles[stem] = file
            }
        }
    }

    static func isWorkbook(_ file: String) -> Bool { file.lowercased().hasSuffix(".xlsx") }
}
