import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately raw HTTP/1.1 client for loopback tests: it sends the request target
/// byte for byte (no URL normalisation, so `/../x` reaches the server as written).
/// Blocking socket calls run on threads of their own, never on the cooperative pool.
enum LoopbackClient {
    struct Reply: Sendable {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(port: Int, _ target: String, method: String = "GET") async throws -> Reply {
        try await offPool {
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            var raw = Data()
            let started = Date()
            var closed = false
            // Read until the server closes the connection (`Connection: close`); a
            // timed-out read (nil) just means the server is busy, so wait on.
            while !closed && Date() < started.addingTimeInterval(10) {
                guard let chunk = receive(socket) else { continue }
                if chunk.isEmpty { closed = true } else { raw.append(chunk) }
            }
            guard !raw.isEmpty else {
                let waited = String(format: "%.1f", Date().timeIntervalSince(started))
                throw Failure(description: "no reply to \(method) \(target) on port \(port): \(closed ? "closed" : "timed out") after \(waited) s")
            }
            return try parse(raw, isHead: method == "HEAD")
        }
    }

    /// Runs blocking socket code on a thread of its own: Dispatch's global queues are
    /// as narrow as the machine (2 threads here), and on Linux the Swift cooperative pool
    /// shares their threads, so blocking there could starve the very server under test.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(description: "send failed") }
    }

    /// Bytes read, empty at end of stream, `nil` on timeout (1 s) or error.
    static func receive(_ fd: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count < 0 { return nil }
        return Data(buffer[..<count])
    }

    static func parse(_ raw: Data, isHead: Bool = false) throws -> Reply {
        guard let split = raw.firstRange(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no response head in \(raw.count) bytes") }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body).data }
        return Reply(status: status, headers: headers, body: isHead ? Data() : body)
    }

    /// Decodes as many complete chunks as `raw` holds; `finished` after the last chunk.
    static func dechunk(_ raw: Data) -> (data: Data, finished: Bool) {
        var bytes = [UInt8](raw)[...]
        var out = Data()
        while let lineEnd = bytes.firstRange(of: [13, 10]) {
            let sizeText = String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            if size == 0 { return (out, true) }
            let start = lineEnd.upperBound
            guard bytes.endIndex - start >= size + 2 else { break }
            out.append(contentsOf: bytes[start..<start + size])
            bytes = bytes[(start + size + 2)...]
        }
        return (out, false)
    }
}

/// An open `text/event-stream` connection, read event by event.
final class EventStreamClient: @unchecked Sendable {
    // @unchecked: used by one test at a time, one blocking call after another.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let fd: Int32
    private var raw = Data()
    private var consumed = 0
    let status: Int

    /// Connects and waits until the server confirms the subscription (`: connected`).
    static func open(port: Int) async throws -> EventStreamClient {
        try await LoopbackClient.offPool {
            let fd = try LoopbackClient.connect(port: port)
            try LoopbackClient.send(fd, "GET /__qingshan/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            let client = EventStreamClient(fd: fd)
            guard client.waitFor({ $0.contains(": connected") }, seconds: 10) else {
                throw LoopbackClient.Failure(description: "no subscription confirmation")
            }
            return client
        }
    }

    private init(fd: Int32) {
        self.fd = fd
        self.status = 0
    }

    deinit { close(fd) }

    /// The decoded body so far.
    private var text: String {
        guard let split = raw.firstRange(of: Data("\r\n\r\n".utf8)) else { return "" }
        return String(decoding: LoopbackClient.dechunk(Data(raw[split.upperBound...])).data, as: UTF8.self)
    }

    private func waitFor(_ condition: (String) -> Bool, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(text) {
            guard Date() < deadline else { return false }
            if let chunk = LoopbackClient.receive(fd) {
                if chunk.isEmpty { return condition(text) }
                raw.append(chunk)
            }
        }
        return true
    }

    /// The next named event (comments skipped), or `nil` after `seconds`.
    func next(within seconds: Double = 30) async throws -> Event? {
        try await LoopbackClient.offPool { self.nextBlocking(seconds: seconds) }
    }

    private func nextBlocking(seconds: Double) -> Event? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let blocks = text.components(separatedBy: "\n\n").dropLast()  // the last is incomplete
            for block in blocks.dropFirst(consumed) {
                consumed += 1
                var name = ""
                var data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("data:") { data = line.dropFirst(5).trimmingCharacters(in: .whitespaces) }
                }
                if !name.isEmpty { return Event(name: name, data: data) }
            }
            if let chunk = LoopbackClient.receive(fd) {
                if chunk.isEmpty { return nil }
                raw.append(chunk)
            }
        }
        return nil
    }
}
