import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableXML

/// `--pseudonymize` and `--pseudonym-key FILE`, shared by the exports that carry transcripts.
struct PseudonymOptions: ParsableArguments {
    @Flag(help: """
        Replace participants' names with study codes (P01, P02, … by participant key) in speakers, \
        cases and text, with no participant keys. Moderators and coders are staff, not research \
        subjects: they keep their names.
        """)
    var pseudonymize = false

    @Option(name: .customLong("pseudonym-key"),
            help: ArgumentHelp("Also write which participant each code stands for (JSON, mode 0600) to this file; keep it apart from the export.",
                               valueName: "file"))
    var keyPath: String?

    func validate() throws {
        if keyPath != nil, !pseudonymize { throw ValidationError("--pseudonym-key needs --pseudonymize") }
    }

    /// Refuses a key file that is the export itself: one would overwrite the other.
    func validate(output: String?) throws {
        if let keyPath, let output, output != "-",
           URL(fileURLWithPath: keyPath).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL {
            throw ValidationError("--pseudonym-key must name another file than --output")
        }
    }

    /// `-pseudonymized` for a default export name when names are replaced, else nothing.
    var stemSuffix: String { pseudonymize ? "-pseudonymized" : "" }

    /// Writes `key` to `--pseudonym-key`, when given, readable by its owner only; returns the line
    /// that says so.
    func write(_ key: PseudonymKey) throws -> String? {
        guard let keyPath else { return nil }
        try OutputFile.write(try key.json(), to: keyPath)
        // The key undoes the pseudonymization: whatever the writer kept of an earlier file's mode,
        // a regular file holding it is for its owner's eyes only.
        var info = stat()
        if stat(keyPath, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0 {
            guard chmod(keyPath, 0o600) == 0 else {
                throw RoundtableError(.cannotCreateOutput, "cannot make \(keyPath) private: \(String(cString: strerror(errno)))")
            }
        }
        return "wrote the key to \(key.pseudonyms.count) study codes to \(keyPath)"
    }
}
