import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A codebook, as `import codebook FILE` reads it: a REFI-QDA `.qdc` when the REFI codebook
/// namespace appears in its first 4096 bytes, else Roundtable's own `<codebook>`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzREFICodebook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let path = Fuzz.file("codebook.qdc", bytes)
        if String(decoding: bytes.prefix(4096), as: UTF8.self).contains(REFICodebookWriter.namespace) {
            let reader = try REFICodebookReader(path: path)
            _ = (try reader.read(), reader.warnings)
        } else {
            let reader = try CodebookReader(path: path)
            _ = (try reader.read(), reader.warningMessages)
        }
    }
}
