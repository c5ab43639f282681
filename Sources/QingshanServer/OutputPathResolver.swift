public import Foundation

/// Maps a request path to a file of the output folder, refusing anything that would
/// leave it.
///
/// The raw path is split on `/` before percent-decoding, so an encoded slash (`%2f`)
/// can never create a new segment; any decoded segment that is `.` or `..`, or holds a
/// slash, backslash or NUL, is refused outright (`/../x`, `/%2e%2e/x`, `/..%2fx`), not
/// normalised. Symbolic links are followed, and the real path must still lie inside the
/// real output folder.
public struct OutputPathResolver: Sendable {
    /// What a request path resolves to.
    public enum Resolution: Sendable, Hashable {
        /// A regular file inside the output folder.
        case file(URL)
        /// A folder asked for without its trailing slash: redirect to this path, so the
        /// page's relative links resolve against the folder.
        case redirect(String)
        /// The path tries to leave the output folder, or is malformed.
        case forbidden
        case notFound
    }

    public let output: URL
    private let realOutput: String

    public init(output: URL) {
        self.output = output.standardizedFileURL
        self.realOutput = output.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Resolves the path of a request target (`/goals/?q=1` → `goals/index.html`).
    public func resolve(_ target: String) -> Resolution {
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        guard path.hasPrefix("/") else { return .forbidden }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else { return .forbidden }
            if segment == "." || segment == ".." || segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) {
                return .forbidden
            }
            segments.append(segment)
        }
        var url = output
        for segment in segments { url.appendPathComponent(segment) }
        let real = url.resolvingSymlinksInPath().path
        guard real == realOutput || real.hasPrefix(realOutput + "/") else { return .forbidden }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !path.hasSuffix("/") { return .redirect(path + "/") }
            let index = URL(fileURLWithPath: real).appendingPathComponent("index.html")
            // index.html itself could be a symlink out of the folder.
            return resolveFile(index)
        }
        return resolveFile(URL(fileURLWithPath: real))
    }

    private func resolveFile(_ url: URL) -> Resolution {
        let real = url.resolvingSymlinksInPath().path
        guard real.hasPrefix(realOutput + "/") else { return .forbidden }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }
}
