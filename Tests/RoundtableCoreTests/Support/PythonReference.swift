import Foundation

/// Runs a reference script from scripts/ under python3: JSON in on stdin, JSON out on stdout.
enum PythonReference {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// scripts/`name` in this checkout.
    static func script(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/\(name)")
    }

    /// What `script` printed for `input`. Throws — failing the test rather than skipping it — when
    /// python3 or the packages it `needs` are missing.
    static func run(_ script: URL, input: Data, needs packages: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let (stdin, out, err) = (Pipe(), Pipe(), Pipe())
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, out, err)
        do { try process.run() } catch {
            throw Failure(description: "python3 could not be started (\(error)); run scripts/test.sh, which installs \(packages)")
        }
        // Written from another thread so a large request cannot block on a full pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: """
                scripts/\(script.lastPathComponent) failed (exit \(process.terminationStatus)); run scripts/test.sh, which \
                installs python3's \(packages): \(stderr)
                """)
        }
        return stdout
    }
}
