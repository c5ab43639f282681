import Foundation

@testable import QingshanKit

/// The libFuzzer entry point. `QINGSHAN_FUZZ_TARGET` names the target (`scripts/fuzz` sets
/// it); each target hands the bytes to one of Qingshan's readers of untrusted input.
/// A crash, a trap, an ASan report, a timeout or running out of memory is a finding;
/// diagnostics (the readers' normal answer to bad input) are not.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

enum FuzzTarget: String, CaseIterable {
    case csv, yaml, frontmatter, markdown, template
    case xlsxXML = "xlsx-xml"
    case xlsx

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["QINGSHAN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("QINGSHAN_FUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: CSVFuzz.run(bytes)
        case .yaml: YAMLFuzz.run(bytes)
        case .frontmatter: PageFuzz.run(bytes)
        case .markdown: PageFuzz.markdown(bytes)
        case .template: TemplateFuzz.run(bytes)
        case .xlsxXML: WorkbookFuzz.xml(bytes)
        case .xlsx: WorkbookFuzz.archive(bytes)
        }
    }
}
