import Foundation
import RoundtableCore

/// A file written under a temporary name beside its destination and renamed into place only when
/// complete, so a failed or interrupted export never leaves a half file under the final name.
final class AtomicFile {
    let destination: String
    let temporaryPath: String
    private(set) var fileDescriptor: Int32
    private var committed = false

    /// Creates the temporary file (mode 0600: exports hold personal data).
    init(destination: String) throws {
        self.destination = destination
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
        fileDescriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fileDescriptor >= 0 else {
            throw RoundtableError(.cannotCreateOutput,
                                  "cannot create \(destination): \(String(cString: strerror(errno)))")
        }
    }

    /// Flushes to disk and renames into place.
    func commit() throws {
        guard fsync(fileDescriptor) == 0, close(fileDescriptor) == 0 else {
            throw RoundtableError(.cannotCreateOutput, "cannot write \(destination): \(String(cString: strerror(errno)))")
        }
        fileDescriptor = -1
        guard rename(temporaryPath, destination) == 0 else {
            throw RoundtableError(.cannotCreateOutput, "cannot create \(destination): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit {
        if fileDescriptor >= 0 { close(fileDescriptor) }
        if !committed { unlink(temporaryPath) }
    }
}
