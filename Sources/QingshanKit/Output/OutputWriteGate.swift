import Foundation

/// Serialises the output writes of this process, so that a command which runs until it is
/// stopped (`serve`, `build --watch`) can stop between two writes and leave no staging or
/// journal folder behind (found by scripts/drills: Ctrl-C during a rebuild's write left
/// one, which the next build recovered, but the output was half-updated meanwhile).
public enum OutputWriteGate {
    private static let lock = NSLock()

    /// Runs one write while holding the gate.
    static func during<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Waits for a write in progress to finish and keeps any later one from starting;
    /// the caller then ends the process.
    public static func close() {
        lock.lock()
    }
}
