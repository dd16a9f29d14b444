import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A native XML transcript, as `transcript import S FILE` reads one that starts with `<`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let reader = try TranscriptReader(path: Fuzz.file("transcript.xml", bytes))
        try reader.read(into: CountingSink())
        _ = reader.warningMessages
    }
}

/// Takes the header, codes and entries and keeps nothing.
final class CountingSink: TranscriptSink {
    var records = 0
    func header(_ header: TranscriptHeader) throws { records += 1 }
    func codebook(_ codes: [Code]) throws { records += codes.count }
    func entry(_ entry: TranscriptEntry) throws { records += 1 + entry.codings.count }
}
