import Foundation
import RoundtableCore

/// Opens an imported file for a parser: read once (`InputFile`), no larger than the cap, neither
/// compressed nor declaring a DOCTYPE (checked by `InputPrescan` before any parser sees a byte).
enum UntrustedFile {
    /// A read-only descriptor at the start of `path`, which the caller closes.
    static func open(_ path: String, maxSize: Int64) throws -> Int32 {
        let fd = try InputFile.open(path, maxSize: maxSize)
        do {
            var prefix = [UInt8](repeating: 0, count: InputPrescan.window)
            var got = 0
            while got < prefix.count {
                let count = prefix.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(got)) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw readError(path) }
                if count == 0 { break }
                got += count
            }
            try InputPrescan.check(Array(prefix[0..<got]), file: path)
            return fd
        } catch {
            close(fd)
            throw error
        }
    }

    /// The error for a read that failed after the file was opened (exit 66, naming the file).
    static func readError(_ path: String) -> RoundtableError {
        SystemError.inputError(path, errno)
    }
}
