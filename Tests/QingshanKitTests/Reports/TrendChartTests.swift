import Foundation
import Testing

@testable import QingshanKit

/// `over: snapshots`: a measure across the snapshots and the current data, with a target line.
@Suite struct TrendChartTests {
    private func render(_ body: String, snapshots: SnapshotArchive) -> DataBlockResult {
        let renderer = DataBlockRenderer(datasets: ["villages": ReportFixtures.villages], snapshots: snapshots)
        return renderer.render(view: "chart", info: "chart", body: body, bodyStart: SourceLocation(path: "content/pages/a.md", line: 3, column: 1))
    }

    /// The fixture with every village still 在建 (the earlier publication).
    private var june: Dataset {
        var dataset = ReportFixtures.villages
        for index in dataset.rows.indices { dataset.rows[index].values["status"] = .string("在建") }
        return dataset
    }

    static let body = """
        source: villages
        over: snapshots
        title: 完成率变化
        series: county
        done: {status: [已完工, 已验收]}
        target: {value: 100, date: 2021-12-31, label: 目标}
        """

    @Test func aTrendPlotsEachSnapshotAndTheCurrentDataWithTheTarget() throws {
        let archive = SnapshotArchive(snapshots: [Snapshot(date: "2021-06-30", datasets: ["villages": june])])
        let result = render(Self.body, snapshots: archive)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.html.contains("qs-chart-line"))
        #expect(result.html.contains("qs-chart-target"))
        #expect(result.html.contains("目标 100% 2021年12月31日前"))
        // The data table: one row per publication, one column per county.
        #expect(result.html.contains("<th scope=\"row\">2021年6月30日</th>") || result.html.contains(">2021年6月30日<"))
        #expect(result.html.contains(">当前<"))
        #expect(result.datasetsUsed.contains(SnapshotArchive.usageName(of: "villages")))
    }

    @Test func withoutSnapshotsATrendShowsTheCurrentDataAlone() {
        let result = render(Self.body, snapshots: SnapshotArchive())
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains(">当前<"))
        #expect(!result.html.contains("2021年6月30日<"))
    }

    @Test func overTakesOnlySnapshots() {
        let result = render("source: villages\nover: months\n", snapshots: SnapshotArchive())
        // (`x` is missing too: without `over: snapshots` it is an ordinary chart.)
        #expect(positions(result.diagnostics).first == "data-block-unknown-value@4:7")
    }
}
