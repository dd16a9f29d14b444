import Foundation
import RoundtableCore

/// The lines of an input file, read a chunk at a time through `InputFile` (so pipes and `-` work),
/// for the transcript parsers: memory stays at one chunk and one line however long the file.
///
/// UTF-8 (a byte order mark dropped) and UTF-16 with a byte order mark are read; LF, CRLF and CR
/// all end a line. A line that is not UTF-8 is an error naming it, as is a line over `maximumLine`
/// bytes (a file without line ends is not a transcript).
public final class InputLines: TranscriptLineSource {
    /// The longest line read, in bytes of UTF-8.
    public static let maximumLine = 1 << 20
    private static let chunk = 64 << 10

    private let file: String
    private let descriptor: Int32
    /// UTF-8 bytes not yet handed out, from `position`.
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false
    private var started = false
    private var utf16: (little: Bool, carry: [UInt8])?
    public private(set) var lineNumber = 0

    /// Opens `path` (`-` is standard input) of at most `maxSize` bytes.
    public init(path: String, maxSize: Int64) throws {
        file = path
        descriptor = try InputFile.open(path, maxSize: maxSize)
        do {
            try fill()
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    public func nextLine() throws -> String? {
        while true {
            if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                // A CR at the end of what was read may be the first half of a CRLF.
                if buffer[end] == 0x0D, end + 1 == buffer.count, !ended {
                    try fill()
                    continue
                }
                let line = try decode(position..<end)
                position = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
                return line
            }
            guard !ended else {
                guard position < buffer.count else { return nil }
                let line = try decode(position..<buffer.count)
                position = buffer.count
                return line
            }
            guard buffer.count - position <= Self.maximumLine else {
                throw RoundtableError.rule("\(file):\(lineNumber + 1): the line is longer than \(Self.maximumLine) bytes; "
                    + "this is not a transcript")
            }
            try fill()
        }
    }

    private func decode(_ range: Range<Int>) throws -> String {
        lineNumber += 1
        guard range.count <= Self.maximumLine else {
            throw RoundtableError.rule("\(file):\(lineNumber): the line is longer than \(Self.maximumLine) bytes; this is not a transcript")
        }
        let line = buffer.withUnsafeBufferPointer { String(validating: $0[range], as: UTF8.self) }
        guard let line else {
            throw RoundtableError.rule("\(file):\(lineNumber): the file is not UTF-8 text; save it as UTF-8 and import it again")
        }
        return line
    }

    /// Reads the next chunk after what is left, as UTF-8.
    private func fill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        var raw = [UInt8](repeating: 0, count: Self.chunk)
        let got = try raw.withUnsafeMutableBytes { bytes in
            while true {
                let count = read(descriptor, bytes.baseAddress, bytes.count)
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw SystemError.inputError(file, errno) }
                return count
            }
        }
        raw.removeSubrange(got...)
        if got == 0 { ended = true }
        if !started {
            started = true
            if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
            else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
                utf16 = (raw[0] == 0xFF, [])
                raw.removeFirst(2)
            }
        }
        guard var state = utf16 else {
            buffer += raw
            return
        }
        buffer += try Self.transcode(&state, raw, ended: ended, file: file)
        utf16 = state
    }

    /// UTF-16 bytes as UTF-8; a split code unit or surrogate pair waits in `carry` for the next chunk.
    private static func transcode(_ state: inout (little: Bool, carry: [UInt8]), _ raw: [UInt8], ended: Bool,
                                  file: String) throws -> [UInt8] {
        let bytes = state.carry + raw
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            units.append(state.little ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                                      : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        var keep = index
        if !ended, let last = units.last, UTF16.isLeadSurrogate(last) {
            units.removeLast()
            keep -= 2
        }
        state.carry = Array(bytes[keep...])
        guard ended ? state.carry.isEmpty : true, let text = String(validating: units, as: UTF16.self) else {
            throw RoundtableError.rule("\(file): not valid UTF-16 text")
        }
        return Array(text.utf8)
    }
}
