import Foundation

/// Krippendorff's α and Cohen's κ as independent implementations compute them: the `krippendorff`
/// package from PyPI and scikit-learn, through scripts/agreement-reference.py.
enum AgreementReference {
    /// One case's reference values; nil where the package finds the measure undefined.
    struct Values: Decodable {
        var alpha: Double?
        var kappa: Double?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/agreement-reference.py")

    /// The reference values of each coders × units matrix (nil for a missing value), in order.
    /// Throws — failing the test rather than skipping it — when python3 or its packages are missing.
    static func values(_ cases: [[[Int?]]]) throws -> [Values] {
        struct Request: Encodable { var cases: [[String: [[Int?]]]] }
        struct Response: Decodable { var results: [Values] }
        let input = try JSONEncoder().encode(Request(cases: cases.map { ["rows": $0] }))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let (stdin, out, err) = (Pipe(), Pipe(), Pipe())
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, out, err)
        do { try process.run() } catch {
            throw Failure(description: "python3 could not be started (\(error)); run scripts/test.sh, which installs what the agreement tests need")
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
                scripts/agreement-reference.py failed (exit \(process.terminationStatus)); run scripts/test.sh, which \
                installs python3's krippendorff and scikit-learn: \(stderr)
                """)
        }
        return try JSONDecoder().decode(Response.self, from: stdout).results
    }
}

/// SplitMix64: a small seeded generator, so generated test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
