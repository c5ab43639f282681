import Foundation

/// The relative link targets (output paths) of every page analysed in compact form,
/// merged across pages and threads: navigation repeats on every page, so the set stays
/// near the number of pages while the links are many times that.
public final class LinkTargets: Sendable {
    private let targets = Locked(Set<String>())

    public init() {}

    func insert(_ page: Set<String>) {
        guard !page.isEmpty else { return }
        targets.withLock { $0.formUnion(page) }
    }

    var all: Set<String> { targets.withLock { $0 } }
}

extension OutputChecker {
    /// `analysis` reduced to what a build's checks need when links and accessibility are
    /// not checked (a build's default: the offline audit): the findings that need no other
    /// file, placed now, and the relative targets added to `targets`, which are findings
    /// only if they turn out to name a folder. At 10,000 pages the full reports (every
    /// link and id of every page) were 57 MiB of a build's peak memory.
    public static func compactAnalysis(
        _ analysis: FileAnalysis, path: String, options: OutputCheckOptions, targets: LinkTargets
    ) -> FileAnalysis {
        guard !options.links, !options.accessibility, var report = analysis.report else { return analysis }
        var pageTargets = Set<String>()
        for reference in report.references {
            if let message = resolve(reference, from: path, files: [], folders: [], reports: [:], options: options) {
                report.findings.append(.init(severity: .error, message: message, offset: reference.offset))
            }
            if case .relative(let relative, _) = LinkTarget(reference.url.trimmingASCIISpaces()),
                let (target, _) = LinkTarget.resolve(relative, from: path)
            {
                pageTargets.insert(target)
            }
        }
        targets.insert(pageTargets)
        report.references = []
        report.anchors = []
        report.title = nil
        return FileAnalysis(report: report, personal: analysis.personal, isCompact: true)
    }
}
