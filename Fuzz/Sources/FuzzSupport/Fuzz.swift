import Foundation
import RoundtableCore
import RoundtableXML

/// What every fuzz target's `LLVMFuzzerTestOneInput` calls: the input as bytes, a scratch file to
/// hand path-based readers, and the one oracle besides crashes that every reader shares.
public enum Fuzz {
    /// Runs `body` on libFuzzer's input. An error `body` throws is the reader refusing the input,
    /// which is fine as long as it is one the command line words (`RoundtableError`,
    /// `XMLInputError`); any other error would reach the user as exit 1 with a Foundation dump,
    /// so it stops the run like a crash (set `FUZZ_UNTYPED_ERRORS=ignore` to only count them).
    public static func one(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: ([UInt8]) throws -> Void) -> CInt {
        let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        do {
            try body(bytes)
        } catch is RoundtableError {
        } catch is XMLInputError {
        } catch {
            untyped(error)
        }
        return 0
    }

    nonisolated(unsafe) private static var untypedSeen: Set<String> = []

    private static func untyped(_ error: Error) {
        let text = "\(type(of: error)): \(error)"
        if ProcessInfo.processInfo.environment["FUZZ_UNTYPED_ERRORS"] == "ignore" {
            if untypedSeen.insert(text).inserted { FileHandle.standardError.write(Data("untyped error: \(text)\n".utf8)) }
            return
        }
        FileHandle.standardError.write(Data("==FUZZ== untyped error reached the caller (the CLI would exit 1): \(text)\n".utf8))
        abort()
    }

    /// This process's scratch folder (under `$TMPDIR`), made on first use.
    public static let folder: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = (base as NSString).appendingPathComponent("roundtable-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fuzz.folder) }
        return path
    }()

    /// Writes `bytes` to `name` in the scratch folder (replacing it) and returns its path.
    @discardableResult
    public static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "fuzz harness: cannot write \(path)")
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            precondition(count > 0, "fuzz harness: cannot write \(path)")
            written += count
        }
        return path
    }

    /// Removes `name` from the scratch folder if it is there.
    public static func remove(_ name: String) {
        unlink((folder as NSString).appendingPathComponent(name))
    }

    /// The parts of `bytes` between occurrences of `separator` (the whole input when it has none).
    public static func split(_ bytes: [UInt8], on separator: String) -> [ArraySlice<UInt8>] {
        let mark = Array(separator.utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + mark.count <= bytes.count {
            if bytes[index] == mark[0] && bytes[index..<(index + mark.count)].elementsEqual(mark) {
                parts.append(bytes[start..<index])
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }
}
