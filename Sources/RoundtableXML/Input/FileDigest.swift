import Foundation
import RoundtableCore

/// The SHA-256 of an input file, computed by coreutils' `sha256sum` in a separate process so it
/// runs on another core while the file is being parsed.
public final class FileDigest {
    private let process = Process()
    private let output = Pipe()
    private let path: String

    /// Starts hashing `path`.
    public init(path: String) throws {
        self.path = path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["--", path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RoundtableError(.inputMissing, "cannot hash \(path): sha256sum could not start (\(error.localizedDescription))")
        }
    }

    /// Waits for the digest: 64 lower-case hex digits.
    public func value() throws -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let digest = String(decoding: data.prefix(64), as: UTF8.self)
        guard process.terminationStatus == 0, digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw RoundtableError(.inputMissing, "cannot hash \(path): sha256sum failed")
        }
        return digest
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
