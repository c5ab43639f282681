public import Foundation

/// Measures the phases of a build for `--timings`.
public struct PhaseClock: Sendable {
    private var last = DispatchTime.now().uptimeNanoseconds
    public private(set) var laps: [(phase: String, seconds: Double, residentMiB: Int)] = []

    public init() {}

    public mutating func lap(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((phase, Double(now - last) / 1e9, Self.residentMiB()))
        last = now
    }

    /// Resident memory now, from `/proc/self/statm` (0 where there is none).
    public static func residentMiB() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
