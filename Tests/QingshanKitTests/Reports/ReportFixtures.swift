import Foundation

@testable import QingshanKit

/// Small inline datasets shared by the data-block tests.
enum ReportFixtures {
    static func row(_ path: String, _ line: Int, _ values: [String: DataValue]) -> DataRow {
        DataRow(values: values, location: SourceLocation(path: path, line: line))
    }

    /// Seven villages in three counties; investment in 万元.
    static let villages: Dataset = {
        let path = "content/data/villages.csv"
        let data: [(String, String, String, Decimal)] = [
            ("金山村", "通川区", "已验收", 120.5),
            ("石桥村", "通川区", "在建", 80),
            ("桃花村", "宣汉县", "已完工", 310.25),
            ("龙泉村", "宣汉县", "已完工", 95),
            ("白鹤村", "宣汉县", "未开工", 0),
            ("青龙村", "开江县", "在建", 64),
            ("凤凰村", "开江县", "已验收", 12_345.6),
        ]
        return Dataset(
            name: "villages", path: path,
            fields: [
                DataField(name: "name", type: .string, title: "村名"),
                DataField(name: "county", type: .string, title: "县（市、区）"),
                DataField(name: "status", type: .string, title: "状态"),
                DataField(name: "investment", type: .number, title: "投资", unit: "万元", decimals: 1),
            ],
            rows: data.enumerated().map { index, item in
                row(
                    path, index + 2,
                    [
                        "name": .string(item.0), "county": .string(item.1), "status": .string(item.2),
                        "investment": .number(item.3),
                    ])
            },
            sample: true, title: "示范村整治进度")
    }()

    /// Applied and disbursed loans per bank, in 万元 (the letter's figures).
    static let funding = Dataset(
        name: "funding", path: "content/data/funding.csv",
        fields: [
            DataField(name: "bank", title: "银行"),
            DataField(name: "applied", type: .number, title: "申请", unit: "万元"),
            DataField(name: "disbursed", type: .number, title: "投放", unit: "万元"),
        ],
        rows: [
            row("content/data/funding.csv", 2, ["bank": .string("农发行"), "applied": .number(506_000), "disbursed": .number(388_000)]),
            row("content/data/funding.csv", 3, ["bank": .string("农业银行"), "applied": .number(51_000), "disbursed": .number(4012)]),
        ],
        title: "贷款")

    /// Percent complete over time.
    static let progress = Dataset(
        name: "progress", path: "content/data/progress.csv",
        fields: [
            DataField(name: "date", type: .date, title: "日期"),
            DataField(name: "sewage", type: .number, title: "污水治理", unit: "%"),
            DataField(name: "toilets", type: .number, title: "厕所改造", unit: "%"),
        ],
        rows: [
            row("content/data/progress.csv", 2, ["date": .date(year: 2021, month: 3, day: 1), "sewage": .number(10), "toilets": .number(25)]),
            row("content/data/progress.csv", 3, ["date": .date(year: 2021, month: 9, day: 1), "sewage": .number(42), "toilets": .number(50)]),
            row("content/data/progress.csv", 4, ["date": .date(year: 2022, month: 3, day: 1), "sewage": .number(63), "toilets": .number(71.5)]),
        ],
        title: "任务进度")

    static let milestones = Dataset(
        name: "milestones", path: "content/data/milestones.yaml",
        fields: [
            DataField(name: "label", title: "里程碑"),
            DataField(name: "start", type: .date, title: "开始"),
            DataField(name: "end", type: .date, title: "结束"),
        ],
        rows: [
            row("content/data/milestones.yaml", 1, ["label": .string("签订合作协议"), "start": .date(year: 2020, month: 11, day: 5)]),
            row("content/data/milestones.yaml", 4, ["label": .string("49个村整治"), "start": .date(year: 2021, month: 3, day: 1), "end": .date(year: 2022, month: 12, day: 31)]),
            row("content/data/milestones.yaml", 8, ["label": .string("示范区建成 <全面>"), "start": .date(year: 2025, month: 1, day: 1), "end": .date(year: 2035, month: 12, day: 31)]),
        ],
        title: "路线图")

    static let renderer = DataBlockRenderer(datasets: [
        "villages": villages, "funding": funding, "progress": progress, "milestones": milestones,
    ])

    /// Renders a block whose body starts on line 10, column 1, of `content/pages/report.md`.
    static func render(_ view: String, _ body: String, line: Int = 10, column: Int = 1) -> DataBlockResult {
        renderer.render(
            view: view, info: view, body: body,
            bodyStart: SourceLocation(path: "content/pages/report.md", line: line, column: column))
    }
}
