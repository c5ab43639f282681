import Foundation
import Testing

/// Golden files: expected output kept beside the tests.
///
/// Record with `QINGSHAN_RECORD=1 swift test`; a recording run always fails, so it can
/// never pass by accident.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["QINGSHAN_RECORD"] == "1" }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `actual` with the golden file at `Golden/<name>`.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded golden \(name); run again without QINGSHAN_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8), "missing golden \(name); record it with QINGSHAN_RECORD=1", sourceLocation: sourceLocation)
        #expect(actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// Compares a whole built site (every file) with the folder `Golden/<name>/`.
    static func expect(site files: [String: Data], matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let base = folder.appendingPathComponent(name)
        if isRecording { try? FileManager.default.removeItem(at: base) }
        for path in files.keys.sorted() {
            try expect(String(decoding: files[path]!, as: UTF8.self), matches: "\(name)/\(path)", sourceLocation: sourceLocation)
        }
        guard !isRecording else { return }
        let recorded = Set(
            FileManager.default.subpaths(atPath: base.path)?.filter {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path, isDirectory: &isFolder)
                return !isFolder.boolValue && !$0.hasSuffix(".editorconfig")
            } ?? [])
        #expect(recorded == Set(files.keys), "the built files differ from Golden/\(name)", sourceLocation: sourceLocation)
    }
}

/// A copy of a fixture site in a temporary folder, to change and build without touching the fixture.
struct TemporarySite {
    let root: URL

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/sites")

    init(copying fixture: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["content", "site-templates"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("\(fixture)/\(item)"), to: root.appendingPathComponent(item))
        }
    }

    /// A copy of the all-features fixture (`Fixtures/sites/everything/content`, taken from
    /// the bundled site so it uses every feature) with the repository's default theme.
    /// Its own folder: editing the bundled `content/` cannot break library tests.
    init(copyingEverything: Void = ()) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let repository = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("everything/content"), to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("site-templates"), to: root.appendingPathComponent("site-templates"))
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func append(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        let old = try String(contentsOf: url, encoding: .utf8)
        try Data((old + text).utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Every file below `folder` (relative path → bytes), to compare an output folder before
/// and after something that must not change it, or with a build held in memory.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
        var isFolder: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}
