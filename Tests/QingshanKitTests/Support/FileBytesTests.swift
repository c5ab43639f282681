import Foundation
import Testing

@testable import QingshanKit

/// Files are replaced by a write beside them and a rename; a write that fails leaves the
/// file as it was and nothing beside it.
@Suite struct FileBytesTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileIsReplacedWholeAndNothingIsLeftBesideIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cache.bin")
        try FileBytes.write(Array("old and longer".utf8), to: file)
        try FileBytes.write(Array("new".utf8), to: file)
        #expect(FileBytes.read(atPath: file.path) == Array("new".utf8))
        try FileBytes.write(Data(), to: file)
        #expect(FileBytes.read(atPath: file.path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cache.bin"])
    }

    @Test func aWriteThatFailsThrowsTheSystemsErrorAndLeavesTheFile() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("gone/cache.bin")
        #expect(throws: POSIXError.self) { try FileBytes.write(Array("x".utf8), to: missing) }
        // A rename onto a folder fails after the bytes were written: they are removed.
        let taken = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: POSIXError.self) { try FileBytes.write(Array("x".utf8), to: taken) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
        #expect(FolderSwap.describe(POSIXError(.ENOSPC)) == String(cString: strerror(ENOSPC)))
    }
}
