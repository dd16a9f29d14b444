import Foundation
import RoundtableCore

/// Creates the workspace file with owner-only permissions before SQLite opens it.
enum WorkspaceFile {
    /// Creates `path` with mode 0600 unless it exists; SQLite gives its -wal and -shm files the same mode.
    static func prepare(_ path: String) throws {
        let folder = PathName.folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw RoundtableError(.cannotCreateOutput, "cannot create workspace \(path): folder \(folder) does not exist")
        }
        // The workspace holds personal data: never let the umask widen it. O_EXCL: an existing file
        // (or one another command creates meanwhile) is opened by SQLite as it is.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw RoundtableError(.cannotCreateOutput, "cannot create workspace \(path): \(SystemError.describe(errno))")
        }
    }

    /// What SQLite should open to read `path` without writing: `path` itself, or, when its folder
    /// cannot be written (so SQLite could not create the shared-memory file a WAL reader needs) and
    /// no write-ahead log is pending, the file opened as immutable, whose main file then holds
    /// every committed change.
    static func readableLocation(_ path: String) -> String {
        guard access(PathName.folder(of: path), W_OK) != 0, access(path + "-shm", F_OK) != 0 else { return path }
        var info = stat()
        if stat(path + "-wal", &info) == 0 && info.st_size > 0 { return path }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
        guard let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) else { return path }
        return "file:\(escaped)?immutable=1"
    }
}
