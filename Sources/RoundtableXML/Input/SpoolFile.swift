import Foundation
import RoundtableCore

/// An unlinked temporary file: it disappears when closed, however the process ends.
final class SpoolFile {
    private var descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/roundtable-spool-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            throw RoundtableError(.cannotCreateOutput, "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        // Unlinked at once: the space is given back when the descriptor closes, even after a crash.
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < chunk.count, let base = chunk.baseAddress {
            let wrote = Glibc.write(descriptor, base + done, chunk.count - done)
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else {
                throw RoundtableError(.cannotCreateOutput, "cannot write a temporary file: \(String(cString: strerror(errno)))")
            }
            done += wrote
        }
    }

    /// The descriptor, now the caller's to close.
    func take() -> Int32 {
        defer { descriptor = -1 }
        return descriptor
    }
}
