import Foundation
public import QingshanKit

/// What the preview server tells open pages.
public enum ServerEvent: Sendable, Hashable {
    /// A rebuild succeeded: reload (which also clears an error overlay).
    case reload
    /// A rebuild failed: show these diagnostics over the last good site, in `language`.
    case error(Diagnostics, language: MessageLanguage = .english)

    /// The event in Server-Sent Events framing: `event: NAME`, one `data:` line, a blank line.
    public var serverSentEvent: String {
        switch self {
        case .reload:
            return "event: reload\ndata: {}\n\n"
        case .error(let diagnostics, let language):
            return "event: error\ndata: \(Self.json(diagnostics, language: language))\n\n"
        }
    }

    /// `{"language": "en", "summary": "1 error", "diagnostics": [{"severity", "location",
    /// "message", "notes"}]}` on one line (JSON escapes newlines, so the `data:` field stays
    /// one line). Messages and the summary are in `language`.
    static func json(_ diagnostics: Diagnostics, language: MessageLanguage = .english) -> String {
        let items: [[String: Any]] = diagnostics.sorted.map { diagnostic in
            [
                "severity": diagnostic.severity.rawValue,
                "location": diagnostic.location?.description ?? "",
                "message": diagnostic.message.text(in: language),
                "notes": diagnostic.notes(in: language),
            ]
        }
        let object: [String: Any] = ["language": language.rawValue, "summary": diagnostics.summary(in: language), "diagnostics": items]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Fans events out to every open event stream. A page that connects while the last
/// rebuild failed gets that error at once, so reloading by hand keeps the overlay.
public actor EventBroadcaster {
    private var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0
    private var lastError: ServerEvent?

    public init() {}

    /// How many streams are open (for tests and the CLI's status).
    public var subscriberCount: Int { subscribers.count }

    /// A stream of the events sent from now on (preceded by the standing error, if any).
    public func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream<ServerEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        if let lastError { continuation.yield(lastError) }
        continuation.onTermination = { _ in
            Task { await self.remove(id) }
        }
        return stream
    }

    public func send(_ event: ServerEvent) {
        if case .error = event { lastError = event } else { lastError = nil }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream, so connections can close.
    public func finish() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
