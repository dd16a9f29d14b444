import Foundation
import RoundtableCore

/// The bytes of an open file, from its start, for a parser fed through `XMLInputFeed`. Reads with
/// `pread` at its own offset, so the descriptor may be read elsewhere (a line re-read for a column)
/// without moving this reader.
final class DescriptorSource: ByteSource {
    private let descriptor: Int32
    private let file: String
    private var offset: off_t = 0

    init(_ descriptor: Int32, file: String) {
        self.descriptor = descriptor
        self.file = file
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let got = pread(descriptor, buffer.baseAddress, buffer.count, offset)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw UntrustedFile.readError(file) }
            offset += off_t(got)
            return got
        }
    }
}
