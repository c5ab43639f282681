public import Foundation
import Hummingbird
import Logging

/// Serves an output folder over HTTP for previewing, with live reload.
///
/// Loopback only unless asked otherwise. Every HTML response gets the live-reload script
/// (the files on disk never do); `/__qingshan/events` streams `EventBroadcaster` events
/// as Server-Sent Events. Only GET and HEAD are answered.
public struct PreviewServer: Sendable {
    public var host: String
    /// 0 picks a free port; `run`'s `onStart` gets the actual URL.
    public var port: Int
    public let resolver: OutputPathResolver
    public let events: EventBroadcaster

    public init(output: URL, host: String = "127.0.0.1", port: Int = 8080, events: EventBroadcaster = EventBroadcaster()) {
        self.host = host
        self.port = port
        self.resolver = OutputPathResolver(output: output)
        self.events = events
    }

    /// Runs until the task is cancelled. `onStart` gets the URL the server listens on.
    public func run(onStart: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let host = self.host
        let server = self
        var logger = Logger(label: "qingshan.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                await server.respond(method: request.method, target: request.head.path ?? "/")
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let actualPort = channel.localAddress?.port ?? server.port
                // IPv6 literals need brackets in a URL.
                let shownHost = host.contains(":") ? "[\(host)]" : host
                await onStart(URL(string: "http://\(shownHost):\(actualPort)/")!)
            },
            logger: logger
        )
        try await app.run()
    }

    /// The response to one request; separate from `run` so its decisions are plain code.
    func respond(method: HTTPRequest.Method, target: String) async -> Response {
        guard method == .get || method == .head else {
            return Self.text(.methodNotAllowed, "method not allowed\n", extra: [.allow: "GET, HEAD"])
        }
        let path = String(target.prefix { $0 != "?" })
        if path == LiveReloadScript.eventsPath { return await eventStream() }
        if path == LiveReloadScript.scriptPath {
            return Self.bytes(Data(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", head: method == .head)
        }
        switch resolver.resolve(target) {
        case .forbidden:
            return Self.text(.forbidden, "forbidden\n")
        case .notFound:
            return Self.text(.notFound, "not found: \(path)\n")
        case .redirect(let location):
            let query = target.drop { $0 != "?" }
            return Self.text(.movedPermanently, "moved to \(location)\n", extra: [.location: location + query])
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return Self.text(.notFound, "not found: \(path)\n")
            }
            let type = MIMEType.forPath(url.path)
            let body = MIMEType.isHTML(type) ? LiveReloadScript.inject(into: data) : data
            return Self.bytes(body, type: type, head: method == .head)
        }
    }

    private func eventStream() async -> Response {
        let stream = await events.subscribe()
        let body = ResponseBody { writer in
            // A first comment tells the client (and the tests) that it is subscribed;
            // `retry` makes EventSource reconnect quickly after `serve` restarts.
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: body)
    }

    private static func bytes(_ data: Data, type: String, head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
