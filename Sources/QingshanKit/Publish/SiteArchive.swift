public import Foundation

/// The offline bundle (`qingshan build --archive site.zip`): the whole site in one ZIP,
/// to copy to a USB stick and open on a machine without network.
///
/// Deterministic (see `DeterministicZIP`): entries sorted by path, one fixed
/// modification date, fixed permissions, deflate. The same site gives the same bytes, so a bundle can be checked
/// by its hash and re-publishing an unchanged site changes nothing.
public enum SiteArchive {
    /// The one top folder the site is unpacked into, so unpacking never litters the
    /// user's Desktop with dozens of files.
    public static let folder = "site"
    /// The instructions beside the folder.
    public static let readmeName = "使用说明.txt"
    /// 1980-01-01 00:00:00 UTC, the earliest time a ZIP (MS-DOS) date can hold.
    public static let defaultModificationDate = DeterministicZIP.earliestDate

    /// A ZIP of `files` (output path → bytes) under `site/`, plus `使用说明.txt`.
    ///
    /// - Parameter modificationDate: written on every entry; `SOURCE_DATE_EPOCH` if the
    ///   caller has one, else `defaultModificationDate`. ZIP keeps it in UTC at 2-second steps.
    public static func make(files: [String: Data], readme: String, modificationDate: Date = defaultModificationDate) throws -> Data {
        var folders = Set([folder + "/"])
        for path in files.keys {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(folder + "/" + parts.joined(separator: "/") + "/")
                parts = parts.dropLast()
            }
        }
        var entries = folders.map { DeterministicZIP.Entry(path: $0, data: nil) }
        entries += files.map { DeterministicZIP.Entry(path: folder + "/" + $0.key, data: $0.value) }
        // Windows Notepad before 2018 shows neither a UTF-8 file without BOM reliably nor LF line ends.
        let readmeBytes = Data([0xEF, 0xBB, 0xBF]) + Data(readme.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        entries.append(DeterministicZIP.Entry(path: readmeName, data: readmeBytes))
        return try DeterministicZIP.make(entries, modificationDate: modificationDate)
    }

    /// The modification date for a build: `SOURCE_DATE_EPOCH` when set, else 1980-01-01.
    public static func modificationDate(sourceDateEpoch: Int?) -> Date {
        // ZIP dates cannot go below 1980; an earlier epoch would be clamped by the writer anyway.
        sourceDateEpoch.map { Date(timeIntervalSince1970: TimeInterval(max($0, 315_532_800))) } ?? defaultModificationDate
    }

    /// The Chinese instructions: how to open the site from the unpacked folder.
    public static func readme(siteTitle: String) -> String {
        """
        \(siteTitle) 离线版 使用说明

        这是网站的完整离线副本，不需要联网，也不需要安装任何软件。

        一、解压
            在压缩包上单击右键，选择“全部解压缩”（或“解压到当前文件夹”），
            得到一个名为 \(folder) 的文件夹和本说明。请先解压，不要在压缩包里直接打开网页。

        二、打开
            进入 \(folder) 文件夹，双击 index.html，网站会在浏览器中打开。
            也可以把 index.html 拖到浏览器窗口里。

        三、浏览与搜索
            所有页面、图表和表格都可以离线浏览；页面顶部的搜索框在离线时同样可用
            （需要浏览器允许运行 JavaScript）。

        四、复制
            可以把整个 \(folder) 文件夹复制到U盘或其他电脑，放在任何位置都能打开。
            请复制整个文件夹，不要只复制其中的单个文件。

        """
    }
}
