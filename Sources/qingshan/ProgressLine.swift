import Foundation
import QingshanKit

/// "rendering 3,120 / 10,109 pages" on one terminal line, rewritten in place, shown only
/// on a terminal and only once a build has run for a second; cleared at the end.
final class ProgressLine: @unchecked Sendable {
    private let started = Date()
    private let lock = NSLock()
    private var lastShown = Date.distantPast
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) != 0
    private let language: MessageLanguage

    init(language: MessageLanguage = .english) {
        self.language = language
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastShown) > 0.1 || done == total else { return }
            lastShown = now
            shown = true
            let text = language.pick("rendering \(done) / \(total) pages", "正在生成页面 \(done) / \(total)")
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        }
    }

    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }
}
