import Foundation
import Hummingbird
import Testing

@testable import QingshanServer

/// The server's decisions, asked directly (`PreviewServer.respond`): no socket, no port.
@Suite struct PreviewServerResponseTests {
    /// A response with its body collected.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Collects what a `ResponseBody` writes.
    final class Collector: ResponseBodyWriter {
        var bytes = Data()
        func write(_ buffer: ByteBuffer) async throws { bytes.append(contentsOf: buffer.readableBytesView) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    /// The built `basic` fixture and a server for its output folder (never started).
    static func ask(_ targets: [String], method: HTTPRequest.Method = .get, prepare: (ServedSite) throws -> Void = { _ in }) async throws -> [Reply] {
        let site = try ServedSite()
        defer { site.remove() }
        let preview = LivePreview(root: site.root, output: site.output)
        // The build runs on its own thread: a whole build would hold one of the test pool's
        // few threads (two on a 2-core machine) that the server tests' tasks need.
        let loop = preview.loop
        #expect(try await LoopbackClient.offPool { loop.rebuild(changes: []) }.succeeded)
        try prepare(site)
        var replies: [Reply] = []
        for target in targets {
            let response = await preview.server.respond(method: method, target: target)
            let collector = Collector()
            try await response.body.write(collector)
            let headers = Dictionary(response.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { a, _ in a })
            replies.append(Reply(status: response.status.code, headers: headers, body: collector.bytes))
        }
        return replies
    }

    @Test(arguments: [
        ("page.html", "text/html; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("chart.svg", "image/svg+xml"),
        ("logo.png", "image/png"),
        ("photo.jpg", "image/jpeg"),
        ("photo.webp", "image/webp"),
        ("favicon.ico", "image/x-icon"),
        ("data.json", "application/json"),
        ("feed.xml", "application/xml"),
        ("notes.txt", "text/plain; charset=utf-8"),
        ("site.webmanifest", "application/manifest+json"),
        ("font.woff2", "font/woff2"),
        ("report.pdf", "application/pdf"),
        ("bundle.zip", "application/zip"),
        ("unknown.bin", "application/octet-stream"),
    ])
    func filesAreServedWithTheirContentType(name: String, type: String) async throws {
        let reply = try await Self.ask(["/types/\(name)"]) { try $0.write("x", to: "public/types/\(name)") }[0]
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == type)
        #expect(reply.headers["x-content-type-options"] == "nosniff")
        #expect(reply.headers["cache-control"] == "no-store")
    }

    @Test func aFolderServesItsIndexAndAFolderWithoutSlashRedirects() async throws {
        let replies = try await Self.ask(["/news/", "/news?x=1", "/", "/nothing-here/"])
        #expect(replies[0].status == 200)
        #expect(replies[0].headers["content-type"] == "text/html; charset=utf-8")
        #expect(replies[0].text.contains("<html"))
        #expect(replies[1].status == 301)
        #expect(replies[1].headers["location"] == "/news/?x=1")
        #expect(replies[2].status == 200)
        #expect(replies[3].status == 404)
    }

    @Test func theReloadScriptIsInServedHTML() async throws {
        let replies = try await Self.ask(["/about/", LiveReloadScript.scriptPath, "/assets/style.css"])
        #expect(replies[0].text.contains(LiveReloadScript.tag + "</body>"))
        #expect(replies[1].status == 200)
        #expect(replies[1].text.contains("new EventSource(\"/__qingshan/events\")"))
        #expect(!replies[2].text.contains("__qingshan"))
    }

    @Test func builtFilesNeverHoldTheReloadScript() async throws {
        _ = try await Self.ask([]) { site in
            let files = FileManager.default.subpaths(atPath: site.output.path) ?? []
            #expect(!files.isEmpty)
            for file in files where file.hasSuffix(".html") {
                let text = try site.read("public/" + file)
                #expect(!text.contains("__qingshan"), "\(file) on disk has the reload script")
            }
        }
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/files/..%5c..%5cetc%5cpasswd"])
    func pathsOutsideTheOutputFolderAreRefused(target: String) async throws {
        let reply = try await Self.ask([target])[0]
        #expect([403, 404, 400].contains(reply.status), "\(target) answered \(reply.status)")
        #expect(!reply.text.contains("root:"))
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let post = try await Self.ask(["/about/"], method: .post)[0]
        let head = try await Self.ask(["/about/"], method: .head)[0]
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
    }
}
