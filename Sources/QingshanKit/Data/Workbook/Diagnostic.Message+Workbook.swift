// The message catalogue for workbooks (.xlsx): the container, its sheets, its cells.
// Cell messages from typing and checks are the dataset messages, prefixed with the cell
// as the spreadsheet shows it (`村庄名单!K5: …`, see `WorkbookCellNames`).

extension Diagnostic.Message {
    // MARK: Files

    static func workbookLegacyFormat(_ ext: String) -> Self {
        .init(
            id: "workbook-legacy-format",
            text: "'.\(ext)' is an old spreadsheet format Qingshan cannot read; open it in Excel or WPS and save it as an Excel workbook (.xlsx)",
            zh: "“.\(ext)”是旧版表格格式，无法读取；请用 Excel 或 WPS 打开，另存为“Excel 工作簿（.xlsx）”")
    }

    static func workbookLockFile(_ name: String) -> Self {
        .init(
            id: "workbook-lock-file",
            text: "skipped '\(name)': the owner file Excel or WPS keeps beside an open workbook, not data",
            zh: "已跳过“\(name)”：这是 Excel 或 WPS 打开工作簿时生成的临时文件，不是数据")
    }

    static let workbookNotZip = Self(
        id: "workbook-not-zip",
        text: "the file is not an .xlsx workbook (it is not a ZIP archive); save it again from Excel or WPS as .xlsx",
        zh: "该文件不是有效的 .xlsx 工作簿（不是 ZIP 压缩包）；请在 Excel 或 WPS 中重新另存为 .xlsx")

    static let workbookCompoundFile = Self(
        id: "workbook-compound-file",
        text: "the file is a legacy .xls workbook or a password-protected one; remove the password and save it as .xlsx",
        zh: "该文件是旧版 .xls 工作簿或设置了打开密码；请取消密码并另存为 .xlsx")

    static func workbookTooManyEntries(limit: Int) -> Self {
        .init(
            id: "workbook-too-many-entries",
            text: "the workbook's ZIP holds more than \(limit) entries; refusing to read it (`limits: workbookEntries` in site.yaml)",
            zh: "工作簿压缩包内文件超过 \(limit) 个，拒绝读取（可在 site.yaml 的 `limits: workbookEntries` 调整）")
    }

    static func workbookTooLarge(limit: Int) -> Self {
        .init(
            id: "workbook-too-large",
            text: "the workbook unpacks to more than \(limit) bytes; refusing to read it (`limits: workbookBytes` in site.yaml)",
            zh: "工作簿解压后超过 \(limit) 字节，拒绝读取（可在 site.yaml 的 `limits: workbookBytes` 调整）")
    }

    static func workbookCompressionRatio(part: String, ratio: Int, limit: Int) -> Self {
        .init(
            id: "workbook-compression-ratio",
            text: "part \(part) claims to unpack \(ratio) times its size (more than \(limit)); refusing a possible ZIP bomb",
            zh: "工作簿内的 \(part) 声称解压后是压缩大小的 \(ratio) 倍（超过 \(limit) 倍），疑似压缩炸弹，拒绝读取")
    }

    static func workbookDamagedPart(_ part: String) -> Self {
        .init(
            id: "workbook-damaged",
            text: "part \(part) of the workbook is damaged and cannot be unpacked; save the workbook again",
            zh: "工作簿内的 \(part) 已损坏，无法解压；请重新保存工作簿")
    }

    static func workbookMissingPart(_ part: String) -> Self {
        .init(
            id: "workbook-missing-part",
            text: "the workbook has no \(part); save it again from Excel, WPS or LibreOffice as .xlsx",
            zh: "工作簿缺少 \(part)；请在 Excel、WPS 或 LibreOffice 中重新另存为 .xlsx")
    }

    static func workbookXML(part: String, failure: XMLScanner.Failure) -> Self {
        let at = "line \(failure.line), column \(failure.column)"
        let zhAt = "第 \(failure.line) 行第 \(failure.column) 列"
        switch failure.reason {
        case .doctype:
            return .init(
                id: "workbook-xml-doctype",
                text: "part \(part) declares a DTD or entities (\(at)); workbooks never need them, so they are refused",
                zh: "工作簿内的 \(part) 含有 DTD 或实体声明（\(zhAt)）；正常工作簿不会包含，已拒绝")
        case .truncated:
            return .init(
                id: "workbook-xml-invalid",
                text: "part \(part) ends in the middle of its XML (\(at)); save the workbook again",
                zh: "工作簿内的 \(part) 在 XML 中途结束（\(zhAt)）；请重新保存工作簿")
        case .malformed(let problem):
            return .init(
                id: "workbook-xml-invalid",
                text: "part \(part) is not valid SpreadsheetML: \(problem) (\(at))",
                zh: "工作簿内的 \(part) 格式不正确：\(problem)（\(zhAt)）")
        }
    }

    static let workbookNoSheets = Self(
        id: "workbook-no-sheets", text: "the workbook has no worksheet", zh: "工作簿中没有工作表")

    // MARK: Sheets

    static func workbookSheetNotFound(_ name: String, sheets: [String]) -> Self {
        .init(
            id: "workbook-sheet-not-found",
            text: "the workbook has no sheet named '\(name)'; its sheets are \(sheets.map { "'\($0)'" }.joined(separator: ", "))",
            zh: "工作簿中没有名为“\(name)”的工作表；现有工作表：\(sheets.map { "“\($0)”" }.joined(separator: "、"))")
    }

    static func workbookSheetNumber(_ number: Int, count: Int) -> Self {
        .init(
            id: "workbook-sheet-number",
            text: "`sheetNumber: \(number)` but the workbook has \(count) sheet\(count == 1 ? "" : "s") (numbered from 1)",
            zh: "`sheetNumber: \(number)`，但工作簿只有 \(count) 个工作表（从 1 开始编号）")
    }

    static func workbookSheetHidden(_ name: String) -> Self {
        .init(
            id: "workbook-sheet-hidden",
            text: "sheet '\(name)' is hidden in the workbook; it is read as written",
            zh: "工作表“\(name)”在工作簿中被隐藏；仍按其内容读取")
    }

    static func workbookRowsHidden(_ rows: [Int]) -> Self {
        let list = rows.prefix(5).map(String.init).joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
        return .init(
            id: "workbook-rows-hidden",
            text: "\(rows.count) hidden row\(rows.count == 1 ? "" : "s") (\(list)) are read as written; unhide them to check them",
            zh: "有 \(rows.count) 行被隐藏（第 \(list) 行），仍按其内容读取；请取消隐藏后核对")
    }

    static func workbookColumnsHidden(_ columns: [String]) -> Self {
        .init(
            id: "workbook-columns-hidden",
            text: "hidden column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", ")) are read as written; unhide them to check them",
            zh: "\(columns.joined(separator: "、")) 列被隐藏，仍按其内容读取；请取消隐藏后核对")
    }

    static func workbookMergedCells(_ range: String) -> Self {
        .init(
            id: "workbook-merged-cells",
            text: "cells \(range) are merged; a merged cell keeps its value in its first cell only: unmerge them and fill every cell",
            zh: "\(range) 为合并单元格；合并后只有左上角单元格保留数值，请取消合并并逐格填写")
    }

    static func workbookNoHeader(row: Int) -> Self {
        .init(
            id: "workbook-no-header",
            text: "the sheet has no header in row \(row); name each column there, or set `headerRows` under `dialect:` in the schema",
            zh: "工作表第 \(row) 行没有表头；请在该行填写各列名称，或在数据说明文件的 `dialect:` 中设置 `headerRows`")
    }

    static func workbookCellOutsideHeader(_ column: String) -> Self {
        .init(
            id: "workbook-cell-outside-header",
            text: "the cell holds a value but column \(column) has no name in the header row",
            zh: "该单元格有内容，但 \(column) 列在表头中没有名称")
    }

    static func dialectNotForFormat(_ key: String, format: String) -> Self {
        .init(
            id: "dialect-not-for-format",
            text: "`dialect: \(key)` does not apply to a .\(format) dataset; it is ignored",
            zh: "`dialect: \(key)` 不适用于 .\(format) 数据文件，已忽略")
    }
}
