import Foundation
import RoundtableCore

/// A file written under a temporary name beside its destination and renamed into place only when
/// complete, so a failed or interrupted export never leaves a half file under the final name.
public final class AtomicFile {
    let destination: String
    let temporaryPath: String
    private(set) var fileDescriptor: Int32
    private var committed = false

    /// Creates the temporary file (mode 0600: exports hold personal data).
    init(destination: String) throws {
        self.destination = destination
        temporaryPath = Self.temporaryPath(for: destination)
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

    /// Writes `data` to `destination` the same way: mode 0600, complete or not at all.
    public static func write(_ data: Data, to destination: String) throws {
        let file = try AtomicFile(destination: destination)
        let written = data.withUnsafeBytes { bytes in
            bytes.isEmpty ? 0 : Foundation.write(file.fileDescriptor, bytes.baseAddress, bytes.count)
        }
        guard written == data.count else {
            throw RoundtableError(.cannotCreateOutput, "cannot write \(destination): \(String(cString: strerror(errno)))")
        }
        try file.commit()
    }

    /// The hidden name beside `destination` that a file is written under before it is renamed.
    static func temporaryPath(for destination: String) -> String {
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        return (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
    }

    deinit {
        if fileDescriptor >= 0 { close(fileDescriptor) }
        if !committed { unlink(temporaryPath) }
    }
}
