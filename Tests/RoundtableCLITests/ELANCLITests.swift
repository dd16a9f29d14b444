import Foundation
import RoundtableXML
import Testing

/// `export eaf`: the demo transcript as an ELAN 3.0 document.
@Suite("ELAN export from the command line")
struct ELANCLITests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/interop/schemas/elan/EAFv3.0.xsd").standardized.path

    /// The attribute `name` of every `<element …>` in `text`, in order.
    static func attribute(_ name: String, of element: String, in text: String) throws -> [String] {
        let pattern = try Regex("<\(element) [^>]*\(name)=\"([^\"]*)\"")
        return text.matches(of: pattern).map { String($0.output[1].substring ?? "") }
    }

    /// Checks that slots run in time order and each annotation ends after it starts.
    static func timeProblems(_ text: String) throws -> [String] {
        let ids = try attribute("TIME_SLOT_ID", of: "TIME_SLOT", in: text)
        let values = try attribute("TIME_VALUE", of: "TIME_SLOT", in: text).map { Int($0)! }
        let value = Dictionary(uniqueKeysWithValues: zip(ids, values))
        var problems = values == values.sorted() ? [] : ["slots out of order"]
        let starts = try attribute("TIME_SLOT_REF1", of: "ALIGNABLE_ANNOTATION", in: text)
        let ends = try attribute("TIME_SLOT_REF2", of: "ALIGNABLE_ANNOTATION", in: text)
        for (start, end) in zip(starts, ends) where !(value[start]! < value[end]!) { problems.append("\(start) ≥ \(end)") }
        return problems
    }

    @Test func theDemoTranscriptHasATierPerSpeakerAndValidates() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let path = cli.folder.appendingPathComponent("x.eaf").path
        #expect(try cli.key("export", "eaf", "S-0001", "-o", path) == "wrote 16 annotations on 6 tiers of S-0001 to \(path)")
        #expect(try InteropValidation.errors(inFile: path, schemaPath: Self.schema) == [])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let speakers = ["Aino Virtanen", "Sofia Lindqvist", "Matti Järvinen", "Elina Öhman", "Liisa Pöysti", "Observer"]
        #expect(try Self.attribute("PARTICIPANT", of: "TIER", in: text) == speakers)
        #expect(try Self.attribute("TIER_ID", of: "TIER", in: text).count == 6)
        #expect(try Self.attribute("ANNOTATION_ID", of: "ALIGNABLE_ANNOTATION", in: text).count == 16)
        #expect(try Self.attribute("TIME_SLOT_ID", of: "TIME_SLOT", in: text).count == 32)
        #expect(try Self.timeProblems(text) == [])
        // The demo's Teams WebVTT: Aino's two cues from 00:00:05.000 to 00:01:09.600 merged into one turn.
        #expect(text.contains(#"<TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="5000"/>"#))
        #expect(text.contains(#"<TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="69600"/>"#))
        #expect(text.contains(#"DATE="2026-12-01T09:00:00Z""#) && text.contains(#"TIME_UNITS="milliseconds""#))
        #expect(text.contains(#"<LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="utterance" TIME_ALIGNABLE="true"/>"#))
        #expect(text.contains("Mikael Söderström"))
    }

    @Test func aPseudonymizedExportGoesToExportsAndNamesNoParticipant() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let printed = try cli.key("export", "eaf", "S-0001", "--pseudonymize")
        let relative = "exports/transcript-S-0001-pseudonymized-2026-12-01T0900.eaf"
        #expect(printed == "wrote 16 annotations on 6 tiers of S-0001 to \(relative)")
        let path = cli.folder.appendingPathComponent(relative).path
        #expect(try InteropValidation.errors(inFile: path, schemaPath: Self.schema) == [])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for name in ["Sofia", "Matti", "Elina", "Liisa", "Lindqvist", "Järvinen"] { #expect(!text.contains(name), "\(name)") }
        #expect(try Self.attribute("PARTICIPANT", of: "TIER", in: text).filter { $0.hasPrefix("P0") }.count == 4)
        #expect(text.contains(#"<PROPERTY NAME="roundtable:pseudonymized">true</PROPERTY>"#))
    }

    @Test func aSessionWithoutATranscriptGivesAnEmptyValidDocument() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let path = cli.folder.appendingPathComponent("empty.eaf").path
        #expect(try cli.key("export", "eaf", "S-0006", "-o", path) == "wrote 0 annotations on 0 tiers of S-0006 to \(path)")
        #expect(try InteropValidation.errors(inFile: path, schemaPath: Self.schema) == [])
    }

    @Test func anUnknownSessionWritesNothing() throws {
        let cli = try TranscriptExchangeCLITests.demo()
        let path = cli.folder.appendingPathComponent("none.eaf").path
        let result = try cli.run("export", "eaf", "S-0099", "-o", path)
        #expect(result.status == 65)
        #expect(result.stderr == "error: no session S-0099 in this workspace\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }
}
