import Foundation
import Testing

@testable import QingshanServer

/// A real server on an ephemeral loopback port, asked with a raw HTTP client: the bytes
/// of hostile paths as they arrive on the wire. Everything else about responses is tested
/// without sockets (`PreviewServerResponseTests`).
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

    /// One page over a real connection: what the socketless tests assume of Hummingbird.
    @Test func aPageIsServedOverLoopback() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let reply = try await site.withServer { port in try await LoopbackClient.get(port: port, "/about/") }
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
        #expect(reply.text.contains(LiveReloadScript.tag + "</body>"))
    }
}
