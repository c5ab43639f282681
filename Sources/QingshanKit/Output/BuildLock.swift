import Foundation

/// An exclusive lock on a site's output while a build writes it, so two builds at once
/// cannot interleave their files; the second is told so instead of waiting silently.
final class BuildLock {
    private let descriptor: Int32

    init(url: URL) throws {
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic.error(.outputWriteFailed("cannot create the lock file \(url.path)"), at: nil)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw Diagnostic.error(.buildInProgress, at: nil, notes: ["the lock is \(url.path); it is released when that build ends"])
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
