import Foundation

/// Plain words for the operating system's error numbers, for messages that name a file.
public enum SystemError {
    /// "permission denied", "no such file or folder", …; the C library's wording for the rest.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or directory"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case ENOSPC: return "no space left on the disk"
        case EROFS: return "the file system is read-only"
        case ELOOP: return "too many levels of symbolic links"
        case ENAMETOOLONG: return "the name is too long"
        case EDQUOT: return "the disk quota is used up"
        case EMFILE, ENFILE: return "too many open files"
        case ENXIO: return "nothing is reading from it"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    /// The error for an input that cannot be opened or read: exit 66, naming the file.
    public static func inputError(_ path: String, _ code: Int32) -> RoundtableError {
        RoundtableError(.inputMissing, "\(path): cannot read the file: \(describe(code))")
    }
}
