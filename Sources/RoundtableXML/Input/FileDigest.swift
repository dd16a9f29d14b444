import Foundation
import RoundtableCore

/// The SHA-256 of an input file, computed in a separate process so it runs alongside the parse:
/// OpenSSL's when installed (it uses the CPU's SHA instructions, five times coreutils' speed),
/// else coreutils' `sha256sum`.
public final class FileDigest {
    private let process = Process()
    private let output = Pipe()
    private let path: String

    /// Starts hashing `path`. The tool reads the file on its standard input, opened through
    /// `InputFile`, so a stream that the parse also reads is read from its source only once.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        self.path = path
        let input = FileHandle(fileDescriptor: try InputFile.open(path, maxSize: maxSize), closeOnDealloc: true)
        if FileManager.default.isExecutableFile(atPath: Self.openssl) {
            process.executableURL = URL(fileURLWithPath: Self.openssl)
            process.arguments = ["dgst", "-sha256", "-r"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = ["-"]
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RoundtableError(.inputMissing, "cannot hash \(path): the hashing tool could not start (\(error.localizedDescription))")
        }
    }

    /// Waits for the digest: 64 lower-case hex digits.
    public func value() throws -> String {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let digest = String(decoding: data.prefix(64), as: UTF8.self)
        guard process.terminationStatus == 0, digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw RoundtableError(.inputMissing, "cannot hash \(path): \(process.executableURL?.lastPathComponent ?? "the hashing tool") failed")
        }
        return digest
    }

    private static let openssl = "/usr/bin/openssl"

    deinit {
        if process.isRunning { process.terminate() }
    }
}
