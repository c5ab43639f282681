import Foundation
import QingshanKit

/// Ctrl-C (SIGINT) and SIGTERM for the commands that run until stopped (`serve`,
/// `build --watch`): wait for an output write in progress to finish, then exit with the
/// shell's status for the signal (130, 143), so no staging or journal folder is left.
enum StopSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func stopBetweenWrites() {
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                OutputWriteGate.close()
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}
