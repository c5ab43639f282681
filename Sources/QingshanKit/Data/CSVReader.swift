/// One cell of a CSV file: its text (quotes removed, `""` undone) and where it starts.
struct CSVCell: Sendable, Hashable {
    var text: String
    /// 1-based line of the cell's first byte (its opening quote, if quoted).
    var line: Int
    /// 1-based UTF-8 byte column of the cell's first byte in the decoded line.
    var column: Int
    var quoted: Bool
}

/// One record: its cells and the line it starts on.
struct CSVRecord: Sendable, Hashable {
    var cells: [CSVCell]
    var line: Int
}

/// A hand-written RFC 4180 reader over UTF-8 bytes: quoted cells, doubled quotes, line
/// breaks inside quotes (Excel's Alt+Enter), CRLF, LF or lone CR line ends.
///
/// It reports structural problems (an unclosed quote, text after a closing quote) and leaves
/// meaning to the caller: the header and ragged rows are checked by `DatasetLoader`.
/// Records whose every cell is empty and unquoted are dropped: Excel leaves them behind
/// (`,,,,`) when rows are cleared, and a trailing blank line is one of them.
enum CSVReader {
    static func read(_ bytes: [UInt8], delimiter: UInt8, path: String) -> (records: [CSVRecord], diagnostics: [Diagnostic]) {
        var records: [CSVRecord] = []
        var diagnostics: [Diagnostic] = []
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")

        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var line = 1
            var lineStart = 0
            var cells: [CSVCell] = []
            var recordLine = 1
            var field: [UInt8] = []

            func finishRecord() {
                if !cells.allSatisfy({ $0.text.isEmpty && !$0.quoted }) {
                    records.append(CSVRecord(cells: cells, line: recordLine))
                }
                cells.removeAll(keepingCapacity: true)
            }

            while index < count {
                let cellLine = line
                let cellColumn = index - lineStart + 1
                if cells.isEmpty { recordLine = line }
                var text: String
                var quoted = false
                if buffer[index] == quote {
                    quoted = true
                    field.removeAll(keepingCapacity: true)
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = buffer[index]
                        if byte == quote {
                            if index + 1 < count && buffer[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == cr {
                            // A line break inside a cell is kept as LF, whatever wrote it.
                            field.append(lf)
                            index += 1
                            if index < count && buffer[index] == lf { index += 1 }
                            line += 1
                            lineStart = index
                            continue
                        }
                        if byte == lf {
                            line += 1
                            lineStart = index + 1
                        }
                        field.append(byte)
                        index += 1
                    }
                    if !closed {
                        diagnostics.append(
                            .error(
                                .csvUnterminatedQuote, at: SourceLocation(path: path, line: cellLine, column: cellColumn)))
                    } else if index < count, buffer[index] != delimiter, buffer[index] != lf, buffer[index] != cr {
                        diagnostics.append(
                            .error(
                                .csvTextAfterQuote, at: SourceLocation(path: path, line: line, column: index - lineStart + 1)))
                        while index < count, buffer[index] != delimiter, buffer[index] != lf, buffer[index] != cr {
                            field.append(buffer[index])
                            index += 1
                        }
                    }
                    text = String(decoding: field, as: UTF8.self)
                } else {
                    let start = index
                    while index < count {
                        let byte = buffer[index]
                        if byte == delimiter || byte == lf || byte == cr { break }
                        index += 1
                    }
                    text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
                }
                cells.append(CSVCell(text: text, line: cellLine, column: cellColumn, quoted: quoted))

                guard index < count else { break }
                let byte = buffer[index]
                if byte == delimiter {
                    index += 1
                    if index == count {
                        // A delimiter at the very end still opens one last, empty cell.
                        cells.append(CSVCell(text: "", line: line, column: index - lineStart + 1, quoted: false))
                    }
                    continue
                }
                // A line end closes the record.
                finishRecord()
                index += 1
                if byte == cr && index < count && buffer[index] == lf { index += 1 }
                line += 1
                lineStart = index
            }
            if !cells.isEmpty { finishRecord() }
        }
        return (records, diagnostics)
    }
}
