/// Messages for sources the site's walk could not read (`SourceListing`).
extension Diagnostic.Message {
    static func skippedSource(_ reason: SourceListing.Skipped.Reason) -> Self {
        switch reason {
        case .danglingLink:
            .init(
                id: "skipped-dangling-link", text: "symbolic link to something that does not exist: not read; fix or remove the link",
                zh: "符号链接指向不存在的目标，未读取；请修正或删除该链接")
        case .linkLoop:
            .init(
                id: "skipped-link-loop", text: "symbolic links that loop: not read; fix or remove the link",
                zh: "符号链接形成循环，未读取；请修正或删除该链接")
        case .linkToFolder:
            .init(
                id: "skipped-folder-link", text: "symbolic link to a folder: not followed (it could loop or leave the site); move or copy the folder here",
                zh: "指向文件夹的符号链接不会被跟随（可能循环或越出站点）；请把该文件夹移动或复制到这里")
        case .pathTooLong:
            .init(
                id: "skipped-path-too-long", text: "path too long for the file system: not read; use fewer or shorter folder names",
                zh: "路径超出文件系统允许的长度，未读取；请减少文件夹层级或缩短名称")
        case .invalidName:
            .init(
                id: "skipped-invalid-name", text: "name is not valid UTF-8 (bytes shown as \\xNN): not read; rename it",
                zh: "名称不是有效的 UTF-8（无效字节显示为 \\xNN），未读取；请重新命名")
        case .notAFile:
            .init(
                id: "skipped-not-a-file", text: "not a regular file (a device, socket or pipe): not read",
                zh: "不是普通文件（设备、套接字或管道），未读取")
        case .unreadable(let reason):
            .init(
                id: "skipped-unreadable", text: "cannot be read: \(reason); check its permissions",
                zh: "无法读取：\(reason)；请检查权限")
        }
    }
}
