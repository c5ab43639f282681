public import Foundation

/// `data/NAME.xlsx`: a dataset as a minimal SpreadsheetML workbook (ECMA-376) with one sheet.
///
/// Typed cells: numbers as numbers; dates as date serials with the Chinese format
/// `yyyy"年"m"月"d"日"`; text (village codes included) as inline-string cells in the
/// text format `@`, so Excel neither turns a 12-digit code into `5.12E+11` nor runs text
/// that starts with `=` as a formula. The header row shows each field's title (with its
/// unit), is bold and frozen; columns are as wide as their widest cell.
///
/// Deterministic: the parts are written in one order into a `DeterministicZIP`, and the
/// document properties carry the data's own latest date, never the clock.
public enum DatasetXLSXWriter {
    /// The workbook of `dataset`.
    ///
    /// - Parameter date: the document's created and modified date (`DatasetDates.latest`);
    ///   without one the properties say nothing about dates.
    public static func xlsx(_ dataset: Dataset, date: DataValue? = nil, creator: String? = nil) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties(title: dataset.title, creator: creator, date: date)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/workbook.xml", workbook(sheetName: sheetName(dataset.name))),
            ("xl/worksheets/sheet1.xml", XLSXSheet(dataset: dataset).xml),
        ]
        return try DeterministicZIP.make(parts.map { DeterministicZIP.Entry(path: $0.0, data: Data($0.1.utf8)) })
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "data" : cleaned
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// The date format WPS and Excel write for Chinese dates (numFmt ids from 164 are custom).
    static let chineseDateFormat = #"yyyy"年"m"月"d"日""#

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """

    static let packageRelationships = relationships([
        ("rId1", relationshipNamespace + "/officeDocument", "xl/workbook.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", relationshipNamespace + "/extended-properties", "docProps/app.xml"),
    ])

    static let workbookRelationships = relationships([
        ("rId1", relationshipNamespace + "/worksheet", "worksheets/sheet1.xml"),
        ("rId2", relationshipNamespace + "/styles", "styles.xml"),
    ])

    /// A relationships part (`_rels/*.rels`): each `(Id, Type, Target)`.
    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        let list = items.map { #"<Relationship Id="\#($0.id)" Type="\#($0.type)" Target="\#($0.target)"/>"# }
        return declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + list.joined() + "</Relationships>"
    }

    static let appProperties =
        declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
            <Application>Qingshan</Application></Properties>
            """

    static func workbook(sheetName: String) -> String {
        declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
            <sheets><sheet name="\(sheetName.xmlEscaped)" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    /// Cell styles, by index: 0 general, 1 Chinese date, 2 bold header, 3 text (`@`, id 49).
    static let styles =
        declaration + """
            <styleSheet xmlns="\(mainNamespace)">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="\(chineseDateFormat.xmlEscaped)"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """

    /// Title, publisher and the data's date; W3CDTF dates as Office writes them.
    static func coreProperties(title: String, creator: String?, date: DataValue?) -> String {
        var properties = "<dc:title>\(title.xmlEscaped)</dc:title>"
        if let creator { properties += "<dc:creator>\(creator.xmlEscaped)</dc:creator>" }
        if let date, case .date = date {
            let stamp = date.description + "T00:00:00Z"
            properties += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            properties += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified>"#
        }
        return declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\(properties)</cp:coreProperties>
            """
    }
}
