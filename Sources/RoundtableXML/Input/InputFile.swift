import Foundation
import RoundtableCore

/// The files a command reads, each read from its source exactly once, so pipes, FIFOs,
/// `/dev/stdin` and `-` (standard input) work like files.
///
/// A regular file is opened directly, as often as the command needs. Anything else is copied once,
/// up to the size cap, into an unlinked temporary file; every later open of the same name in this
/// process reads that copy. Sniffing a file's start and then parsing it, or hashing it beside the
/// parse, therefore never consumes a stream twice or waits for a writer that has gone.
public enum InputFile {
    /// The name that means standard input.
    public static let standardInputName = "-"

    /// A read-only descriptor at the start of `path`'s bytes, which the caller closes. Missing or
    /// unreadable input is exit 66 naming the file; input over `maxSize` bytes is exit 65.
    public static func open(_ path: String, maxSize: Int64) throws -> Int32 {
        if let spool = spools.copy(of: path) { return try reopen(spool, path: path, maxSize: maxSize) }
        let source = path == standardInputName ? "/dev/stdin" : path
        let fd = Glibc.open(source, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw SystemError.inputError(path, errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw SystemError.inputError(path, code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            close(fd)
            throw RoundtableError(.inputMissing, "\(path): cannot read the file: it is a folder")
        case S_IFREG where path != standardInputName:
            guard Int64(info.st_size) <= maxSize else {
                close(fd)
                throw tooLarge(path, Int64(info.st_size), maxSize)
            }
            return fd
        default:
            let spool = try spools.keep(copyOf: fd, path: path, maxSize: maxSize)
            return try reopen(spool, path: path, maxSize: maxSize)
        }
    }

    /// A path that opens the same bytes as `path` again (for libraries that take a path): `path`
    /// itself for a regular file, else the copy of what was read from it.
    public static func reopenablePath(_ path: String, maxSize: Int64) throws -> String {
        let fd = try open(path, maxSize: maxSize)
        close(fd)
        guard let spool = spools.copy(of: path) else { return path }
        return descriptorPath(spool)
    }

    /// The whole of `path`, read once.
    public static func contents(of path: String, maxSize: Int64) throws -> Data {
        let fd = try open(path, maxSize: maxSize)
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw SystemError.inputError(path, errno) }
            if got == 0 { return data }
            data.append(contentsOf: buffer[0..<got])
        }
    }

    /// Up to `count` bytes from the start of `path`, without moving any other reader.
    public static func head(of path: String, count: Int, maxSize: Int64) throws -> [UInt8] {
        let fd = try open(path, maxSize: maxSize)
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, count - filled, off_t(filled)) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw SystemError.inputError(path, errno) }
            if got == 0 { break }
            filled += got
        }
        return Array(bytes[0..<filled])
    }

    static func tooLarge(_ path: String, _ size: Int64, _ maxSize: Int64) -> XMLInputError {
        XMLInputError(file: path, message: "the file is \(size) bytes, over the \(maxSize)-byte limit (--max-size)")
    }

    /// A fresh descriptor, with its own offset, on the copy kept in `spool`.
    private static func reopen(_ spool: Spool, path: String, maxSize: Int64) throws -> Int32 {
        guard spool.size <= maxSize else { throw tooLarge(path, spool.size, maxSize) }
        let fd = Glibc.open(descriptorPath(spool), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError.inputError(path, errno) }
        return fd
    }

    private static func descriptorPath(_ spool: Spool) -> String {
        #if os(Linux)
        "/proc/self/fd/\(spool.descriptor)"
        #else
        "/dev/fd/\(spool.descriptor)"
        #endif
    }

    /// A stream's bytes, kept for the life of the process in an unlinked temporary file.
    struct Spool {
        let descriptor: Int32
        let size: Int64
    }

    private static let spools = Spools()

    /// The copies made so far, by the name they were read under.
    private final class Spools: @unchecked Sendable {
        private let lock = NSLock()
        private var byPath: [String: Spool] = [:]

        func copy(of path: String) -> Spool? {
            lock.withLock { byPath[path] }
        }

        /// Copies the stream `source` (closing it) into a new temporary file, refusing more than `maxSize` bytes.
        func keep(copyOf source: Int32, path: String, maxSize: Int64) throws -> Spool {
            defer { close(source) }
            let spool = try InputFile.copy(source, path: path, maxSize: maxSize)
            lock.withLock { byPath[path] = spool }
            return spool
        }
    }

    private static func copy(_ source: Int32, path: String, maxSize: Int64) throws -> Spool {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(PathName.joining(folder, "roundtable-input-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw RoundtableError(.cannotCreateOutput, "cannot keep a copy of \(path) in \(folder): \(SystemError.describe(errno))")
        }
        // Unlinked at once: the copy is only reachable through the descriptor and vanishes with the process.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        do {
            while true {
                let got = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { throw SystemError.inputError(path, errno) }
                if got == 0 { break }
                size += Int64(got)
                guard size <= maxSize else {
                    throw XMLInputError(file: path, message: "the input is over the \(maxSize)-byte limit (--max-size)")
                }
                var written = 0
                while written < got {
                    let result = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + written, got - written) }
                    if result < 0 && errno == EINTR { continue }
                    guard result > 0 else {
                        throw RoundtableError(.cannotCreateOutput,
                                              "cannot keep a copy of \(path) in \(folder): \(SystemError.describe(errno))")
                    }
                    written += result
                }
            }
        } catch {
            close(fd)
            throw error
        }
        return Spool(descriptor: fd, size: size)
    }
}
