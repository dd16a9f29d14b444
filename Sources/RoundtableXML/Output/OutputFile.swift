import Foundation
import RoundtableCore

/// Where every export writes. A regular file (or a name not taken yet) is written under a hidden
/// temporary name beside it, mode 0600, made durable and renamed into place only when complete,
/// so a failed export never leaves a half file under the final name. A symbolic link keeps being
/// a link: its target is replaced the same way. A device, a FIFO and `-` (standard output) are
/// written through: never renamed over, never chmod-ed.
public final class OutputFile {
    /// The name given for standard output.
    public static let standardOutputName = "-"

    /// The path as the user gave it (or as the command composed it); messages name this.
    public let destination: String
    /// Where the bytes go now: the temporary file, the device, or standard output.
    private(set) var fileDescriptor: Int32
    private let mode: Mode
    private var committed = false

    private enum Mode {
        /// Written into `temporary`, renamed over `target` on commit.
        case replace(temporary: String, target: String)
        /// Written straight into the destination; `closing` is false for standard output.
        case through(closing: Bool)
    }

    /// Opens `destination` for writing (see the type's summary for how each kind of path is treated).
    public init(destination: String) throws {
        self.destination = destination
        if destination == Self.standardOutputName {
            (mode, fileDescriptor) = (.through(closing: false), STDOUT_FILENO)
            return
        }
        let target = try Self.followingLinks(destination)
        var info = stat()
        if stat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            guard (info.st_mode & S_IFMT) != S_IFDIR else {
                throw RoundtableError(.cannotCreateOutput, "cannot create \(destination): it is a folder")
            }
            // A device or a FIFO: renaming over it would replace it with a plain file.
            let fd = open(destination, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw Self.failure("cannot write", destination) }
            (mode, fileDescriptor) = (.through(closing: true), fd)
            return
        }
        let temporary = Self.temporaryPath(for: target)
        // O_EXCL: never write through a file (or a planted link) that someone else put there.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("cannot create", destination) }
        (mode, fileDescriptor) = (.replace(temporary: temporary, target: target), fd)
    }

    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(fileDescriptor, base, left)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Self.failure("cannot write", destination) }
            base += written
            left -= written
        }
    }

    /// Writes all of `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Copies the whole file at `path` (a scratch file this program wrote) into the output.
    func write(contentsOf path: String) throws {
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw Self.failure("cannot write", destination) }
        defer { close(source) }
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw Self.failure("cannot write", destination) }
            if got == 0 { return }
            try buffer.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
    }

    /// Completes the output: a replaced file is flushed to disk and renamed into place; a device
    /// or FIFO is closed; standard output is left open.
    public func commit() throws {
        switch mode {
        case .replace(let temporary, let target):
            guard fsync(fileDescriptor) == 0, close(fileDescriptor) == 0 else {
                fileDescriptor = -1
                throw Self.failure("cannot write", destination)
            }
            fileDescriptor = -1
            guard rename(temporary, target) == 0 else { throw Self.failure("cannot create", destination) }
            committed = true
            Self.syncFolder(of: target)
        case .through(let closing):
            committed = true
            if closing {
                let result = close(fileDescriptor)
                fileDescriptor = -1
                guard result == 0 else { throw Self.failure("cannot write", destination) }
            }
        }
    }

    /// Writes `data` to `destination` the same way: complete or not at all where that is possible.
    public static func write(_ data: Data, to destination: String) throws {
        let file = try OutputFile(destination: destination)
        try file.write(data)
        try file.commit()
    }

    /// The file a command writes for `-o requested`: `requested` itself, or `defaultName` inside
    /// it when it names a folder (`.`, a trailing slash, or an existing folder or link to one).
    public static func resolve(_ requested: String, defaultName: String) throws -> String {
        if requested == standardOutputName { return requested }
        guard !requested.isEmpty else { throw RoundtableError.usage("the output file name is empty") }
        var info = stat()
        let exists = stat(requested, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { return PathName.joining(requested, defaultName) }
        guard PathName.namesFolder(requested) else { return requested }
        throw RoundtableError(.cannotCreateOutput, "cannot write into \(requested): "
                                  + (exists ? "it is not a folder" : "no such folder"))
    }

    /// The hidden name beside `target` that a file is written under before it is renamed.
    static func temporaryPath(for target: String) -> String {
        let name = ".\(PathName.lastComponent(of: target)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return PathName.joining(PathName.folder(of: target), name)
    }

    /// The file a chain of symbolic links ends at (which need not exist yet): writing replaces
    /// that file and leaves every link in place.
    static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw failure("cannot write", path) }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : PathName.joining(PathName.folder(of: current), link)
        }
        throw RoundtableError(.cannotCreateOutput, "cannot write \(path): too many levels of symbolic links")
    }

    /// Makes a rename durable; a folder that cannot be opened or synced only loses that guarantee.
    private static func syncFolder(of path: String) {
        let folder = open(PathName.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }

    static func failure(_ what: String, _ path: String, _ code: Int32 = errno) -> RoundtableError {
        RoundtableError(.cannotCreateOutput, "\(what) \(path): \(SystemError.describe(code))")
    }

    deinit {
        if case .through(closing: false) = mode { return }
        if fileDescriptor >= 0 { close(fileDescriptor) }
        if case .replace(let temporary, _) = mode, !committed { unlink(temporary) }
    }
}
