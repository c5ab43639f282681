import Foundation

@testable import QingshanKit

/// A small dataset with every kind of cell the downloads write: a 12-digit code kept as
/// text, text needing CSV quotes, a formula-like cell, a decimal, an integer, a date and
/// a missing value.
enum OpenDataSample {
    static let csv = """
        id,name,note,budget,progress,updated
        511702001001,样例村01,"含,逗号",76.8,100,2021-06-25
        511702001002,"样例""村""02",=SUM(A1),64.0,60,2021-04-06
        511702001003,样例村03,,,0,2021-12-31

        """

    static let schema = """
        title: 村庄
        description: 测试用村庄。
        sample: true
        fields:
          - {name: id, title: 村庄代码, constraints: {required: true, unique: true, pattern: "[0-9]{12}"}}
          - {name: name, title: 村名}
          - {name: note, title: 备注}
          - {name: budget, title: 投资, type: number, unit: 万元, constraints: {minimum: 0}}
          - {name: progress, title: 完成进度, type: integer, unit: "%", constraints: {minimum: 0, maximum: 100}}
          - {name: updated, title: 更新日期, type: date, format: 年月日, constraints: {minimum: 2021-01-01}}
        primaryKey: id
        foreignKeys:
          - fields: name
            reference: {resource: units, fields: name}

        """

    static var dataset: Dataset { loadInline(csv, schema: schema).dataset }
}
