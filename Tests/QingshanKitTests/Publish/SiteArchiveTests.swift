import Foundation
import Testing
import ZIPFoundation

@testable import QingshanKit

@Suite struct SiteArchiveTests {
    static let site: [String: Data] = [
        "index.html": Data("<!DOCTYPE html><title>首页</title>".utf8),
        "updates/联席会议/index.html": Data("<h1>联席会议</h1>".utf8),
        "assets/style.css": Data(String(repeating: "body { color: #333; }\n", count: 200).utf8),
        "search-index.js": Data("window.QINGSHAN_SEARCH = {};".utf8),
    ]

    static func make(_ files: [String: Data] = site, date: Date = SiteArchive.defaultModificationDate) throws -> Data {
        try SiteArchive.make(files: files, readme: SiteArchive.readme(siteTitle: "万达开生态文明示范区"), modificationDate: date)
    }

    @Test func sameSiteGivesSameBytes() throws {
        let first = try Self.make()
        // Another dictionary order (a different insertion history) must not matter.
        var shuffled: [String: Data] = [:]
        for key in Self.site.keys.sorted().reversed() { shuffled[key] = Self.site[key] }
        #expect(try Self.make(shuffled) == first)
        #expect(try Self.make() == first)
        #expect(try Self.make(date: Date(timeIntervalSince1970: 1_622_505_600)) != first)
    }

    @Test func unpacksToTheSiteAndTheInstructions() throws {
        let archive = try Archive(data: try Self.make(), accessMode: .read)
        var contents: [String: Data] = [:]
        var folders: [String] = []
        for entry in archive {
            #expect(entry.fileAttributes[.modificationDate] as? Date == SiteArchive.defaultModificationDate)
            if entry.type == .directory {
                folders.append(entry.path)
                #expect(entry.fileAttributes[.posixPermissions] as? Int == 0o755)
                continue
            }
            #expect(entry.fileAttributes[.posixPermissions] as? Int == 0o644)
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            contents[entry.path] = data
        }
        #expect(folders == ["site/", "site/assets/", "site/updates/", "site/updates/联席会议/"])
        let readme = try #require(contents["使用说明.txt"])
        contents["使用说明.txt"] = nil
        #expect(contents == Dictionary(uniqueKeysWithValues: Self.site.map { ("site/" + $0.key, $0.value) }))
        // UTF-8 with BOM and CRLF, for Notepad.
        #expect(readme.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: readme.dropFirst(3), as: UTF8.self)
        #expect(text.contains("双击 index.html"))
        #expect(text.contains("不需要联网"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Compressed: the repetitive stylesheet shrinks.
        let css = try #require(archive["site/assets/style.css"])
        #expect(css.compressedSize < css.uncompressedSize / 4)
    }

    @Test func entriesAreSortedAndFlaggedUTF8() throws {
        let bytes = try Self.make()
        let archive = try Archive(data: bytes, accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // General-purpose bit 11 (language encoding flag, APPNOTE 4.4.4) of every local header.
        var offset = 0
        var flagged = 0
        while let range = bytes.range(of: Data([0x50, 0x4B, 0x03, 0x04]), in: offset..<bytes.count) {
            let flags = UInt16(bytes[range.lowerBound + 6]) | UInt16(bytes[range.lowerBound + 7]) << 8
            #expect(flags & 0x0800 != 0)
            flagged += 1
            offset = range.upperBound
        }
        #expect(flagged == paths.count)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
    func infoZIPListsAndTestsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("site.zip")
        try Self.make().write(to: zip)
        let list = try Self.unzip(["-l", zip.path])
        #expect(list.status == 0)
        #expect(list.output.contains("使用说明.txt"))
        #expect(list.output.contains("site/updates/联席会议/index.html"))
        #expect(list.output.contains("1980-01-01 00:00"))
        let test = try Self.unzip(["-t", zip.path])
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("No errors detected"))
    }

    static func unzip(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        // Info-ZIP prints names in the locale's charset; UTF-8 keeps Chinese names readable.
        process.environment = ["LC_ALL": "C.UTF-8", "TZ": "UTC"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
