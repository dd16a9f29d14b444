import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct TranscriptImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a plain-text or native XML transcript as a session's whole transcript.",
        discussion: """
            A native XML transcript (written by 'export transcript') brings its codings and the codes they use; \
            codes are matched by path and created when missing, and every coded span is checked against its text. \
            In plain text, each turn is a line 'Speaker: text', optionally with a timestamp: '[00:12:05] Äijälä: Hello' or \
            'Äijälä [00:12:05]: Hello'; other lines continue the turn. Speakers are matched to the session's \
            seated participants and moderators by key or name; a speaker that fits nobody, or several people, \
            keeps its label and is listed as a warning. The import is one transaction: any error (exit 65, \
            with FILE:LINE) writes nothing. A session that has a transcript is refused unless --replace.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var limits: InputLimitOptions
    @Argument(help: "Session key.") var key: String
    @Argument(help: "Transcript file (UTF-8 or UTF-16 text, or native XML); - reads standard input.") var file: String
    @Flag(help: "Replace the session's transcript (and the codings on it) if it has one.") var replace = false

    func run() throws {
        let session = try Keys.session(key)
        // Only the start is looked at to tell XML from text: the XML reader streams the file itself.
        // Both go through InputFile, which reads a pipe or FIFO from its source only once.
        let head = Data(try InputFile.head(of: file, count: 512, maxSize: limits.maxSize))
        let report: TranscriptImportReport
        var codings = ""
        if Self.isXML(head) {
            let reader = try TranscriptReader(path: file, maxSize: limits.maxSize)
            let imported = try workspace.open().importTranscript(session: session, fileName: file, replace: replace) { sink in
                try reader.read(into: sink)
            }
            reader.warningMessages.forEach(Console.warning)
            report = imported.transcript
            codings = " with \(imported.codings) codings" + (imported.codesCreated > 0 ? " (\(imported.codesCreated) new codes)" : "")
        } else {
            let text = try Self.decode(try InputFile.contents(of: file, maxSize: limits.maxSize), file: file)
            report = try workspace.open().importTranscript(session: session, text: text, fileName: file, replace: replace)
        }
        for speaker in report.unmatched {
            Console.warning("\(file):\(speaker.line): speaker '\(speaker.label)' matches nobody in \(session); "
                + "\(Self.turns(speaker.turns)) kept as a label")
        }
        for speaker in report.ambiguous {
            Console.warning("\(file):\(speaker.line): speaker '\(speaker.label)' could be "
                + speaker.candidates.map { "\($0.key)" + ($0.name.map { " (\($0))" } ?? "") }.joined(separator: " or ")
                + "; \(Self.turns(speaker.turns)) kept as a label")
        }
        var line = "imported \(report.utterances) utterances\(codings) into \(session): \(report.matched.count) speakers matched, "
            + "\(report.unmatched.count) unmatched, \(report.ambiguous.count) ambiguous"
        if report.replacedUtterances > 0 {
            line += "; replaced \(report.replacedUtterances) earlier utterances"
                + (report.removedCodings > 0 ? " and \(report.removedCodings) codings on them" : "")
        }
        Console.print(line)
    }

    /// Whether `bytes` hold an XML document rather than plain text: after any byte order mark and
    /// white space, the first character is `<` (as in `<?xml`).
    static func isXML(_ bytes: Data) -> Bool {
        let units: [UInt16]
        if bytes.starts(with: [0xFF, 0xFE]) {
            units = stride(from: 2, to: bytes.count - 1, by: 2).lazy.prefix(64)
                .map { UInt16(bytes[bytes.startIndex + $0]) | UInt16(bytes[bytes.startIndex + $0 + 1]) << 8 }
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            units = stride(from: 2, to: bytes.count - 1, by: 2).lazy.prefix(64)
                .map { UInt16(bytes[bytes.startIndex + $0]) << 8 | UInt16(bytes[bytes.startIndex + $0 + 1]) }
        } else {
            units = bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0).prefix(256).map(UInt16.init)
        }
        let whitespace: Set<UInt16> = [0x20, 0x09, 0x0A, 0x0D]
        return units.first { !whitespace.contains($0) } == UInt16(UInt8(ascii: "<"))
    }

    /// The text of a UTF-16 file (with a byte order mark) or a UTF-8 one; anything else is refused
    /// with the line of the first byte that is not UTF-8, rather than guessed at.
    static func decode(_ bytes: Data, file: String) throws -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: bytes, encoding: .utf16) else {
                throw RoundtableError.rule("\(file): not valid UTF-16 text")
            }
            return text
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var previous: Unicode.Scalar = "\0"
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" && previous != "\r" || scalar == "\r" { line += 1 }
            previous = scalar
        }
        throw RoundtableError.rule("\(file):\(line): the file is not UTF-8 text; save it as UTF-8 and import it again")
    }

    /// "its 1 turn is" or "its 3 turns are".
    private static func turns(_ count: Int) -> String {
        count == 1 ? "its 1 turn is" : "its \(count) turns are"
    }
}
