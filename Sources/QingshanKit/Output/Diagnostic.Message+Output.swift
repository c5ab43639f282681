/// Messages of the output writer beyond the core catalogue.
extension Diagnostic.Message {
    static func outputThroughLink(_ path: String) -> Self {
        .init(
            id: "output-through-link",
            text: "'\(path)' is a symbolic link: Qingshan never writes or deletes through a link; remove the link, or give the real folder as the output",
            zh: "“\(path)”是符号链接：Qingshan 不会经由链接写入或删除文件；请删除该链接，或直接指定实际的输出文件夹")
    }
}
