import ArgumentParser
import Foundation
import QingshanKit

extension BuildInvocation {
    /// `--archive PATH`: writes the offline bundle of a successful build (the site under
    /// `site/` plus `使用说明.txt`) and prints what it wrote.
    ///
    /// The bytes depend only on the site and `SOURCE_DATE_EPOCH`, so the same site gives
    /// the same archive. The file is replaced atomically: a reader never sees half a ZIP.
    ///
    /// - Parameters:
    ///   - path: relative to the current folder, like `--output`.
    ///   - siteTitle: named in the instructions; read from the home page's `<title>` when `nil`.
    func writeArchive(result: BuildResult, path: String, siteTitle: String? = nil) throws {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let title = siteTitle ?? Self.homeTitle(in: result.files) ?? "本网站"
        let date = SiteArchive.modificationDate(sourceDateEpoch: PublishFiles.sourceDateEpoch())
        do {
            let data = try SiteArchive.make(files: result.files, readme: SiteArchive.readme(siteTitle: title), modificationDate: date)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            let size = ByteCountFormatter.string(fromByteCount: Int64(data.count), countStyle: .file)
            print(site.language.pick("archive \(path): \(result.files.count) files, \(size)", "离线版 \(path)：\(result.files.count) 个文件，\(size)"))
        } catch {
            let reason = error.localizedDescription
            FileHandle.standardError.write(
                Data((site.language.pick("error: cannot write the archive \(url.path): \(reason)", "error: 无法写入离线版 \(url.path)：\(reason)") + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// The text of `<title>` in `index.html`, with the five basic entities decoded.
    private static func homeTitle(in files: [String: Data]) -> String? {
        guard let data = files["index.html"] else { return nil }
        let html = String(decoding: data, as: UTF8.self)
        guard let open = html.range(of: "<title>"), let close = html.range(of: "</title>", range: open.upperBound..<html.endIndex) else { return nil }
        let title = html[open.upperBound..<close.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }
}
