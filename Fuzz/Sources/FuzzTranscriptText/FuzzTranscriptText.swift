import Foundation
import FuzzSupport
import RoundtableCore

/// A plain-text transcript, as `transcript import S FILE` reads one: UTF-16 with a byte order
/// mark or UTF-8 (anything else is refused before parsing), then `TranscriptText.parse`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let text: String?
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = String(data: Data(bytes), encoding: .utf16)
        } else {
            text = String(validating: bytes, as: UTF8.self)
        }
        guard let text else { return }
        let turns = try TranscriptText.parse(text, file: "transcript.txt")
        for turn in turns {
            if let start = turn.startMilliseconds { _ = TranscriptText.formatTimestamp(start) }
        }
    }
}
