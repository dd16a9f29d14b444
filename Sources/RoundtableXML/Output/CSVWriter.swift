import Foundation
import RoundtableCore

/// Writes RFC 4180 CSV (`CSVRecord`) into an output file, a record at a time, in UTF-8 without a
/// byte order mark unless asked for one (Microsoft Excel reads a CSV without it as Windows-1252;
/// LibreOffice, Google Sheets and CSV libraries read UTF-8 as it is, and a mark would otherwise
/// end up in the first column's name).
public final class CSVWriter {
    private let output: BufferedOutput
    /// Records written, the header included.
    public private(set) var records = 0

    /// Opens `destination` through `OutputFile`; `finish()` moves it into place.
    public init(destination: String, byteOrderMark: Bool = false) throws {
        output = BufferedOutput(try OutputFile(destination: destination))
        if byteOrderMark { try output.append("\u{FEFF}") }
    }

    /// Appends one record.
    public func write(_ fields: [String]) throws {
        try output.append(CSVRecord.line(fields))
        records += 1
    }

    /// Flushes, makes the file durable and renames it into place.
    public func finish() throws {
        try output.finish()
    }
}
