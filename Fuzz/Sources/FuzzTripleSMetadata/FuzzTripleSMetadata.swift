import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// Triple-S metadata (`.sss`), as `import roster FILE.sss` reads it, then the rows of a small data
/// file shaped by that metadata (a record of 1s and one of blanks, in its layout), with the
/// first variable mapped to the name, so that what the metadata declares is also used.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTripleSMetadata(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let sss = Fuzz.file("survey.sss", bytes)
        let metadata = try TripleSReader.metadata(path: sss)
        guard let first = metadata.variables.first else { return }
        let reference = first.name.isEmpty ? first.ident : first.name
        guard !reference.isEmpty, !reference.contains(","), !reference.contains("=") else { return }
        // The harness's own data stays small whatever the metadata claims: a record longer than
        // 4096 columns only tests how the reader treats a short record.
        let width = min(4096, max(1, metadata.variables.map(\.finish).max() ?? 1))
        let fields = min(4096, metadata.variables.count + metadata.variables.compactMap(\.subfields).reduce(0) { $0 + min($1, 64) })
        let records = metadata.layout == .csv
            ? [Array(repeating: "1", count: fields).joined(separator: ","), Array(repeating: "", count: fields).joined(separator: ",")]
            : [String(repeating: "1", count: width), String(repeating: " ", count: width)]
        let body = Array((Array(repeating: "header", count: min(metadata.skip, 3)) + records).joined(separator: "\r\n").utf8)
        Fuzz.file("survey.asc", body)
        Fuzz.file("survey.csv", body)
        let reader = try TripleSReader(path: sss, mapping: TripleSMapping(flags: ["name=\(reference)"]))
        var rows = 0
        try reader.read { _ in rows += 1 }
        _ = (reader.warningMessages, reader.attributeVariables, reader.mappedVariables, rows)
    }
}
