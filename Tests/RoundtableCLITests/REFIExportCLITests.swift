import Foundation
import RoundtableXML
import Testing
import ZIPFoundation

/// `export refi`: a .qdpx whose project.qde validates, whose references resolve, whose selections
/// match the source text, and whose GUIDs stay the same from one export to the next.
@Suite("REFI-QDA project export")
struct REFIExportCLITests {
    static let interop = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/interop")
    static let schema = interop.appendingPathComponent("schemas/refi/Project-mrt2019.xsd").path

    /// The demo with an observer's turn holding an emoji and a decomposed diaeresis, partly coded.
    static func demo() throws -> CLI {
        let cli = try TranscriptExchangeCLITests.demo()
        let turn = try cli.key("transcript", "add", "S-0001", "--speaker", "Observer", "Tämä 😀 ja A\u{308}ijälä")
        _ = try cli.key("code", "apply", "Met", "--utterance", turn, "--from", "5", "--to", "16")
        return cli
    }

    /// The archive's entries by path.
    static func unzip(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
        }
        return entries
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    static func export(_ cli: CLI, _ name: String) throws -> (qde: String, files: [String: Data], path: String) {
        let path = cli.folder.appendingPathComponent(name).path
        let said = try cli.key("export", "refi", "--session", "S-0001", "-o", path)
        #expect(said.hasPrefix("wrote 1 sources, "), "\(said)")
        let files = try unzip(path)
        let qde = String(decoding: try #require(files["project.qde"]), as: UTF8.self)
        return (qde, files, path)
    }

    @Test func theProjectValidatesAndEveryReferenceResolves() throws {
        let cli = try Self.demo()
        let (qde, files, _) = try Self.export(cli, "s1.qdpx")
        let qdePath = cli.folder.appendingPathComponent("project.qde").path
        try qde.write(toFile: qdePath, atomically: true, encoding: .utf8)
        #expect(try InteropValidation.errors(inFile: qdePath, schemaPath: Self.schema) == [])
        let defined = Self.matches(#" guid="([^"]+)""#, in: qde).map { $0[1] }
        #expect(Set(defined).count == defined.count, "GUIDs are unique")
        let references = Self.matches(#" (?:targetGUID|creatingUser)="([^"]+)""#, in: qde).map { $0[1] }
        #expect(!references.isEmpty)
        for reference in references { #expect(defined.contains(reference), "\(reference) resolves") }
        for kind in ["User", "Code", "Variable", "Case", "TextSource", "PlainTextSelection", "Coding", "CodeRef",
                     "SelectionRef", "SourceRef", "VariableValue", "Note", "Set", "MemberSource"] {
            #expect(qde.contains("<\(kind) ") || qde.contains("<\(kind)>"), "\(kind) is exported")
        }
        let paths = Self.matches(#"plainTextPath="internal://([^"]+)""#, in: qde).map { "sources/" + $0[1] }
        #expect(Set(files.keys) == Set(["project.qde"] + paths))
    }

    @Test func everySelectionMatchesTheSourceText() throws {
        let cli = try Self.demo()
        let (qde, files, _) = try Self.export(cli, "s1.qdpx")
        let guid = try #require(Self.matches(#"plainTextPath="internal://([^"]+)\.txt""#, in: qde).first?[1])
        let data = try #require(files["sources/\(guid).txt"])
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "no BOM")
        let scalars = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        func text(_ start: Int, _ end: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        // The utterances in order, and each coding's span within its utterance, from Roundtable's own formats.
        let json = try cli.key("transcript", "show", "S-0001", "--format", "json")
        let transcript = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let utterances = try #require(transcript["utterances"] as? [[String: Any]])
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == utterances.count)
        var lineStarts: [Int] = [], position = 0
        for (line, utterance) in zip(lines, utterances) {
            #expect(String(line) == "\(utterance["speaker"]!): \(utterance["text"]!)")
            lineStarts.append(position)
            position += line.unicodeScalars.count + 1
        }
        let native = cli.folder.appendingPathComponent("s1.xml").path
        _ = try cli.key("export", "transcript", "S-0001", "-o", native)
        var nativeSpans: [String: (start: Int, end: Int)?] = [:]
        for tag in Self.matches(#"<coding [^>]*>"#, in: try String(contentsOfFile: native, encoding: .utf8)).map({ $0[0] }) {
            let guid = try #require(Self.matches(#" guid="([^"]+)""#, in: tag).first?[1])
            let span = Self.matches(#" start="(\d+)" end="(\d+)""#, in: tag).first
            nativeSpans[guid] = span.map { (Int($0[1])!, Int($0[2])!) }
        }
        let selections = Self.matches(#"<PlainTextSelection guid="([^"]+)"(?: name="([^"]+)")? startPosition="(\d+)" endPosition="(\d+)""#, in: qde)
        #expect(selections.count > 14)
        var emojiSeen = false
        for selection in selections {
            let (start, end) = (Int(selection[3])!, Int(selection[4])!)
            let index = try #require(lineStarts.lastIndex { $0 <= start })
            let utterance = utterances[index]
            let speakerLength = "\(utterance["speaker"]!): ".unicodeScalars.count
            let body = Array((utterance["text"] as! String).unicodeScalars)
            let from = start - lineStarts[index] - speakerLength
            if selection[2].hasPrefix("U-") {
                #expect(selection[2] == utterance["key"] as? String)
                #expect(text(start, end) == utterance["text"] as? String)
                continue
            }
            let span = try #require(nativeSpans[selection[1]], "selection \(selection[1]) is a stored coding")
            let (codedStart, codedEnd) = span ?? (0, body.count)
            #expect(from == codedStart && end - start == codedEnd - codedStart)
            var coded = String.UnicodeScalarView()
            coded.append(contentsOf: body[codedStart..<codedEnd])
            #expect(text(start, end) == String(coded))
            if text(start, end) == "😀 ja \u{C4}ijälä" { emojiSeen = true }
        }
        #expect(emojiSeen)
    }

    @Test func aSecondExportNamesEverythingTheSame() throws {
        let cli = try Self.demo()
        let first = try Self.export(cli, "a.qdpx"), second = try Self.export(cli, "b.qdpx")
        let guids = { (qde: String) in Self.matches(#"(?:guid|targetGUID)="([^"]+)""#, in: qde).map { $0[1] } }
        #expect(!guids(first.qde).isEmpty)
        #expect(guids(first.qde) == guids(second.qde))
        #expect(Set(first.files.keys) == Set(second.files.keys))
        let panel = try cli.run("export", "refi", "--all", "-o", cli.folder.appendingPathComponent("all.qdpx").path)
        #expect(panel.status == 0, "\(panel.stderr)")
        let neither = try cli.run("export", "refi")
        #expect(neither.status != 0)
    }

    @Test func aRestoredWorkspaceExportsTheSameGUIDs() throws {
        let cli = try Self.demo()
        let first = try Self.export(cli, "a.qdpx")
        let backup = cli.folder.appendingPathComponent("backup.xml").path
        _ = try cli.key("export", "workspace", "-o", backup)
        #expect(try NativeValidation.errors(inFile: backup) == [])
        #expect(try String(contentsOfFile: backup, encoding: .utf8).contains("<refiIdentities>"))
        let restored = cli.folder.appendingPathComponent("restored.sqlite").path
        let restore = try cli.run("import", "workspace", backup, "--db", restored)
        #expect(restore.status == 0, "\(restore.stderr)")
        let path = cli.folder.appendingPathComponent("b.qdpx").path
        _ = try cli.key("export", "refi", "--session", "S-0001", "-o", path, "--db", restored)
        let second = String(decoding: try #require(try Self.unzip(path)["project.qde"]), as: UTF8.self)
        let guids = { (qde: String) in Self.matches(#"(?:guid|targetGUID)="([^"]+)""#, in: qde).map { $0[1] } }
        #expect(guids(first.qde) == guids(second))
    }

    @Test func aPseudonymizedProjectNamesNobodyAndItsSelectionsStillMatch() throws {
        let cli = try Self.demo()
        let path = cli.folder.appendingPathComponent("p.qdpx").path
        _ = try cli.key("export", "refi", "--session", "S-0001", "--pseudonymize", "-o", path)
        let files = try Self.unzip(path)
        let qde = String(decoding: try #require(files["project.qde"]), as: UTF8.self)
        #expect(try InteropValidation.errors(inFile: Self.write(qde, in: cli), schemaPath: Self.schema) == [])
        let source = try #require(files.first { $0.key.hasPrefix("sources/") }?.value)
        let text = String(decoding: source, as: UTF8.self)
        for name in ["Sofia", "Lindqvist", "Matti", "Järvinen", "Elina", "Liisa", "Pöysti"] {
            #expect(!qde.contains(name) && !text.contains(name), "\(name)")
        }
        #expect(text.contains("P01: ") && text.contains("Aino Virtanen: "))
        let scalars = Array(text.unicodeScalars)
        let exported = cli.folder.appendingPathComponent("t.xml").path
        _ = try cli.key("export", "transcript", "S-0001", "--pseudonymize", "-o", exported)
        let transcript = try String(contentsOfFile: exported, encoding: .utf8)
        let selections = Self.matches(#"<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)""#, in: qde)
        #expect(selections.count >= 20, "the turns and the codings")
        for match in selections {
            let selected = String(String.UnicodeScalarView(scalars[Int(match[1])!..<Int(match[2])!]))
            #expect(transcript.contains(selected.replacingOccurrences(of: "&", with: "&amp;")), "\(selected)")
        }
    }

    /// `qde` written to a file, for validation.
    static func write(_ qde: String, in cli: CLI) throws -> String {
        let path = cli.folder.appendingPathComponent("project.qde").path
        try qde.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
