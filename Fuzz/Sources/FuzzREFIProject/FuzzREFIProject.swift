import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A REFI-QDA project, as `import refi FILE.qdpx` reads it, and each source's text cut into turns
/// with its selections mapped onto them (what the import does before it writes anything).
///
/// An input that starts like a zip (`PK\3\4`) is the `.qdpx` itself. Any other input is the
/// archive's entries as plain text, so that the fuzzer mutates the XML and the sources rather than
/// deflate streams and checksums: `project.qde`, then for each source a line
/// `\n--entry NAME--\n` followed by its bytes (NAME is the path inside the archive, e.g.
/// `Sources/{GUID}.txt`); the harness stores them in a zip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzREFIProject(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let archive: [UInt8]
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            archive = bytes
        } else {
            let parts = Fuzz.split(bytes, on: "\n--entry ")
            var entries: [(path: String, bytes: [UInt8])] = [("project.qde", Array(parts[0]))]
            for part in parts.dropFirst() {
                guard let close = Fuzz.split(Array(part), on: "--\n").first, close.count < part.count else { continue }
                let name = String(decoding: close, as: UTF8.self)
                entries.append((name, Array(part.dropFirst(close.count + 3))))
            }
            archive = StoredZip.archive(entries)
        }
        let project = try REFIProjectReader(path: Fuzz.file("project.qdpx", archive)).read()
        var warnings: [String] = []
        for source in project.sources {
            guard let text = source.text else { continue }
            _ = REFITurnSplitter.split(text, selections: source.selections, source: source.name, warnings: &warnings)
        }
    }
}
