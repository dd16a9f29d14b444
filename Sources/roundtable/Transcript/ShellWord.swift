import Foundation

/// Words written so that a POSIX shell reads them back unchanged, for commands shown to copy.
enum ShellWord {
    /// `word` as is when it holds only characters no shell treats specially, else in single
    /// quotes (a single quote inside written `'\''`).
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII ? "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:+,@%".unicodeScalars.contains(scalar)
                : false
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
