import Foundation

/// Where the command line writes: results on stdout, one-line problems on stderr.
enum Console {
    static func print(_ text: String = "") {
        Swift.print(text)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
