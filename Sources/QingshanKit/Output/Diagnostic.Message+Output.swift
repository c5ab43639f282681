/// Messages of the output writer beyond the core catalogue.
extension Diagnostic.Message {
    static func outputThroughLink(_ path: String) -> Self {
        .init(
            id: "output-through-link",
            text: "'\(path)' is a symbolic link: Qingshan never writes or deletes through a link; remove the link, or give the real folder as the output",
            zh: "“\(path)”是符号链接：Qingshan 不会经由链接写入或删除文件；请删除该链接，或直接指定实际的输出文件夹")
    }
    static func outputNameTooLong(_ name: String, bytes: Int) -> Self {
        .init(
            id: "output-name-too-long",
            text: "the name '\(name.prefix(40))…' is \(bytes) bytes; file systems hold at most \(FileNameRules.maxNameBytes) bytes per name: shorten the slug, file or value",
            zh: "名称“\(name.prefix(40))…”长 \(bytes) 字节，文件系统每个名称最多 \(FileNameRules.maxNameBytes) 字节；请缩短 slug、文件名或取值")
    }
}
