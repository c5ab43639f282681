import Foundation
import Testing
@testable import QingshanServer

/// A real server on an ephemeral loopback port, asked with a raw HTTP client.
@Suite struct PreviewServerTests {
    @Test(arguments: [
        "/../etc/passwd",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fx",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/files/..%5c..%5cetc%5cpasswd",
        "/about/%2e%2e/%2e%2e/etc/passwd",
        "/linked-etc/passwd",
        "/linked-passwd",
    ])
    func pathsOutsideTheOutputFolderAreRefused(target: String) async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let reply = try await site.withServer { port in
            // Links made after the build: the writer never removes files it did not write.
            try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("linked-etc").path, withDestinationPath: "/etc")
            try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("linked-passwd").path, withDestinationPath: "/etc/passwd")
            return try await LoopbackClient.get(port: port, target)
        }
        #expect([403, 404, 400].contains(reply.status), "\(target) answered \(reply.status)")
        #expect(!reply.text.contains("root:"), "\(target) leaked /etc/passwd")
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
        let site = try ServedSite()
        defer { site.remove() }
        let reply = try await site.withServer { port in
            try site.write("x", to: "public/types/\(name)")
            return try await LoopbackClient.get(port: port, "/types/\(name)")
        }
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == type)
    }

    @Test func aFolderServesItsIndexAndAFolderWithoutSlashRedirects() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (folder, bare, root) = try await site.withServer { port in
            (try await LoopbackClient.get(port: port, "/news/"),
             try await LoopbackClient.get(port: port, "/news?x=1"),
             try await LoopbackClient.get(port: port, "/"))
        }
        #expect(folder.status == 200)
        #expect(folder.headers["content-type"] == "text/html; charset=utf-8")
        let onDisk = try site.read("public/news/index.html")
        #expect(folder.text.hasPrefix(String(onDisk.prefix(200))))
        #expect(bare.status == 301)
        #expect(bare.headers["location"] == "/news/?x=1")
        #expect(root.status == 200)
        #expect(root.text.contains("<html"))
    }

    @Test func theReloadScriptIsInServedHTMLAndNeverOnDisk() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (page, script, css) = try await site.withServer { port in
            (try await LoopbackClient.get(port: port, "/about/"),
             try await LoopbackClient.get(port: port, LiveReloadScript.scriptPath),
             try await LoopbackClient.get(port: port, "/assets/style.css"))
        }
        #expect(page.text.contains(LiveReloadScript.tag + "</body>"))
        #expect(script.status == 200)
        #expect(script.text.contains("new EventSource(\"/__qingshan/events\")"))
        #expect(!css.text.contains("__qingshan"))
        let files = FileManager.default.subpaths(atPath: site.output.path) ?? []
        #expect(!files.isEmpty)
        for file in files where file.hasSuffix(".html") {
            #expect(!(try site.read("public/" + file)).contains("__qingshan"), "\(file) on disk has the reload script")
        }
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (post, head) = try await site.withServer { port in
            (try await LoopbackClient.get(port: port, "/about/", method: "POST"),
             try await LoopbackClient.get(port: port, "/about/", method: "HEAD"))
        }
        #expect(post.status == 405)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }
}
