import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text encoding a data file can be written in, as Excel and WPS write them.
enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"

    /// Excel's "Unicode text" is UTF-16 with tabs between cells.
    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }

    /// The name iconv knows the encoding by.
    fileprivate var iconvName: String {
        switch self {
        case .utf8, .utf8WithBOM: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        }
    }

    /// An encoding declared by a user (`encoding: gbk` in a schema). GBK and GB2312 are
    /// read as GB18030, their superset, so a declared GBK file never loses characters.
    init?(declared name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936", "gb-18030": self = .gb18030
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        default: return nil
        }
    }
}

/// Text decoded to UTF-8, with the encoding it was read in.
struct DecodedText: Sendable {
    /// The text as UTF-8, without any byte-order mark.
    var utf8: [UInt8]
    var encoding: TextEncoding
}

/// Why a file could not be decoded: the first byte no encoding could read, and where it is
/// (1-based line and UTF-8 byte column of the text decoded before it).
struct DecodingFailure: Error, Sendable, Hashable {
    var byte: UInt8
    var line: Int
    var column: Int
    /// The encoding that was declared, if the file declared one.
    var declared: TextEncoding?
}

/// Decodes data files deterministically, never by guessing: a byte-order mark first, then
/// the declared encoding, then strict UTF-8, then GB18030 (Excel's plain "CSV" on a Chinese
/// Windows is GBK, which GB18030 contains). Nothing is ever written back to the file.
enum TextDecoder {
    static func decode(_ bytes: [UInt8], declared: TextEncoding? = nil) -> Result<DecodedText, DecodingFailure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return convert(Array(bytes.dropFirst(3)), from: .utf8WithBOM, declared: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return convert(Array(bytes.dropFirst(2)), from: .utf16LE, declared: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return convert(Array(bytes.dropFirst(2)), from: .utf16BE, declared: .utf16BE)
        }
        if let declared {
            return convert(bytes, from: declared, declared: declared)
        }
        // The fast path: most files are valid UTF-8, checked by the standard library.
        if String(validating: bytes, as: UTF8.self) != nil {
            return .success(DecodedText(utf8: bytes, encoding: .utf8))
        }
        let asUTF8 = convert(bytes, from: .utf8, declared: nil)
        let asGB18030 = convert(bytes, from: .gb18030, declared: nil)
        switch (asUTF8, asGB18030) {
        case (_, .success(let text)): return .success(text)
        case (.success(let text), _): return .success(text)
        case (.failure(let a), .failure(let b)):
            // The decoder that read further is most likely the file's real encoding, so its
            // failure points at the byte the user has to fix.
            return .failure((a.line, a.column) > (b.line, b.column) ? a : b)
        }
    }

    /// Converts with iconv, which stops at the first byte it cannot read and so tells where it is.
    private static func convert(
        _ bytes: [UInt8], from encoding: TextEncoding, declared: TextEncoding?
    ) -> Result<DecodedText, DecodingFailure> {
        if encoding == .utf8 || encoding == .utf8WithBOM, String(validating: bytes, as: UTF8.self) != nil {
            return .success(DecodedText(utf8: bytes, encoding: encoding))
        }
        let converter = iconv_open("UTF-8", encoding.iconvName)
        guard let converter, Int(bitPattern: converter) != -1 else {
            // iconv without the encoding: report the first byte as undecodable rather than trap.
            return .failure(DecodingFailure(byte: bytes.first ?? 0, line: 1, column: 1, declared: declared))
        }
        defer { iconv_close(converter) }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var input = bytes
        let failedAt: Int? = input.withUnsafeMutableBufferPointer { source -> Int? in
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = source.count
            while inLeft > 0 {
                let (result, produced): (Int, Int) = chunk.withUnsafeMutableBufferPointer { target in
                    var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var outLeft = target.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, target.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<produced])
                // E2BIG only means the output chunk is full; anything else is a bad byte.
                if result == -1 && errno != E2BIG { return source.count - inLeft }
            }
            return nil
        }
        if let failedAt {
            var line = 1
            var lineStart = 0
            for (index, byte) in output.enumerated() where byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            return .failure(
                DecodingFailure(byte: bytes[failedAt], line: line, column: output.count - lineStart + 1, declared: declared))
        }
        return .success(DecodedText(utf8: output, encoding: encoding))
    }
}
