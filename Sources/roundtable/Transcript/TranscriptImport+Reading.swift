import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

extension TranscriptImport {
    /// One import: the file read in its format, a turn at a time, into the store.
    struct Importing {
        let file: String
        let format: TranscriptFormat
        let sha256: String
        let replace: Bool
        let mappings: [SpeakerMapping]
        let maxSize: Int64

        /// What the import did, and what to say about it.
        struct Outcome {
            var report: TranscriptImportReport
            /// " with N codings (M new codes)" for native XML, else empty.
            var codings = ""
            var warnings: [String] = []
            /// What line numbers refer to: the file, or the document inside a .docx.
            var location: String
        }

        func run(session: EntityKey, database: AppDatabase) throws -> Outcome {
            var stamp = TranscriptFileStamp(fileName: file, format: format.rawValue, sha256: sha256)
            switch format {
            case .xml:
                let reader = try TranscriptReader(path: file, maxSize: maxSize)
                let imported = try database.importTranscript(session: session, fileName: file, replace: replace, file: stamp,
                                                             mappings: mappings) { sink in try reader.read(into: sink) }
                let codings = " with \(imported.codings) codings"
                    + (imported.codesCreated > 0 ? " (\(imported.codesCreated) new codes)" : "")
                return Outcome(report: imported.transcript, codings: codings, warnings: reader.warningMessages, location: file)
            case .text:
                var parser = PlainTextParser(lines: try InputLines(path: file, maxSize: maxSize), file: file)
                let report = try database.importTranscript(session: session, file: stamp, replace: replace, mappings: mappings) { add in
                    while let turn = try parser.next() { try add(turn) }
                    return parser.count
                }
                return Outcome(report: report, location: file)
            case .vtt, .srt:
                let cues = SubtitleParser(lines: try InputLines(path: file, maxSize: maxSize), file: file, srt: format == .srt)
                return Outcome(report: try merged(cues, separator: " ", stamp, session, database), location: file)
            case .otter:
                let cues = SpeakerBlockParser(lines: try InputLines(path: file, maxSize: maxSize), file: file)
                return Outcome(report: try merged(cues, separator: "\n", stamp, session, database), location: file)
            case .docx:
                let paragraphs = try TeamsDocxParagraphs(path: file, maxSize: maxSize)
                stamp.location = paragraphs.label
                let cues = SpeakerBlockParser(lines: paragraphs, file: paragraphs.label, teams: true)
                return Outcome(report: try merged(cues, separator: "\n", stamp, session, database), location: paragraphs.label)
            }
        }

        /// Imports the turns `CueMerger` makes of `cues`.
        private func merged(_ cues: some TranscriptCueSource, separator: String, _ stamp: TranscriptFileStamp,
                            _ session: EntityKey, _ database: AppDatabase) throws -> TranscriptImportReport {
            var merger = CueMerger(cues, separator: separator)
            return try database.importTranscript(session: session, file: stamp, replace: replace, mappings: mappings) { add in
                while let turn = try merger.next() { try add(turn) }
                return merger.cueCount
            }
        }
    }

    /// `Label=KEY` as a mapping (split at the last '=', since keys hold none), or nil when either side is empty.
    static func mapping(_ text: String, origin: String) -> SpeakerMapping? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let label = UnicodeText.trimmed(String(text[..<equals]))
        let key = UnicodeText.trimmed(String(text[text.index(after: equals)...]))
        guard !label.isEmpty, !key.isEmpty else { return nil }
        return SpeakerMapping(label: label, key: key, origin: origin)
    }

    /// The mappings of a `--speaker-map` file: `Label=KEY` lines; blank lines and lines starting
    /// with '#' are skipped; anything else is an error naming its line.
    static func mappings(file: String, maxSize: Int64) throws -> [SpeakerMapping] {
        let lines = try InputLines(path: file, maxSize: maxSize)
        var result: [SpeakerMapping] = []
        while let raw = try lines.nextLine() {
            let line = UnicodeText.trimmed(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let mapping = mapping(line, origin: "\(file):\(lines.lineNumber)") else {
                throw RoundtableError.rule("\(file):\(lines.lineNumber): expected 'Label=KEY', such as 'Speaker 2=P-000012'")
            }
            result.append(mapping)
        }
        return result
    }
}
