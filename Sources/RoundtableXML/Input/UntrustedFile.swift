import Foundation
import RoundtableCore

/// Opens an imported file for a parser: a regular file no larger than the cap, neither compressed
/// nor declaring a DOCTYPE (checked by `InputPrescan` before any parser sees a byte).
enum UntrustedFile {
    /// A read-only descriptor for `path`, which the caller closes.
    static func open(_ path: String, maxSize: Int64) throws -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openError(path) }
        do {
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw XMLInputError(file: path, message: "not a regular file")
            }
            guard Int64(info.st_size) <= maxSize else {
                throw XMLInputError(file: path, message: "the file is \(info.st_size) bytes, over the \(maxSize)-byte limit (--max-size)")
            }
            var prefix = [UInt8](repeating: 0, count: min(InputPrescan.window, Int(info.st_size)))
            let got = prefix.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            guard got == prefix.count else { throw openError(path) }
            try InputPrescan.check(prefix, file: path)
            return fd
        } catch {
            close(fd)
            throw error
        }
    }

    static func openError(_ path: String) -> RoundtableError {
        RoundtableError(.inputMissing, "\(path): cannot read the file: \(String(cString: strerror(errno)))")
    }
}
