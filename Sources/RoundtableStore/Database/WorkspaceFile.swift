import Foundation
import RoundtableCore

/// Creates the workspace file with owner-only permissions before SQLite opens it.
enum WorkspaceFile {
    /// Ensures `path` exists with mode 0600; SQLite gives its -wal and -shm files the same mode.
    static func prepare(_ path: String) throws {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            throw RoundtableError(.cannotCreateOutput, "cannot create workspace \(path): folder \(directory) does not exist")
        }
        if manager.fileExists(atPath: path) { return }
        // The workspace holds personal data: never let the umask widen it.
        let created = manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard created else {
            throw RoundtableError(.cannotCreateOutput, "cannot create workspace \(path)")
        }
    }
}
