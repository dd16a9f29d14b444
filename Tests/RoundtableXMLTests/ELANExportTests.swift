import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

/// An EAF file as the tests look at it: slot values by id, tiers with their annotations in file order.
struct EAFContents {
    struct Annotation {
        var id: String
        var start: String
        var end: String
        var text = ""
    }

    struct Tier {
        var id: String
        var participant: String?
        var annotations: [Annotation] = []
    }

    var slots: [(id: String, value: Int)] = []
    var tiers: [Tier] = []

    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/interop/schemas/elan/EAFv3.0.xsd").standardized.path

    init(path: String) throws {
        let reader = try XMLStreamReader(path: path, maxSize: .max, schema: nil)
        while let node = try reader.next() {
            guard case .start(let name) = node else { continue }
            let attributes = reader.attributes()
            switch name {
            case "TIME_SLOT": slots.append((attributes["TIME_SLOT_ID"]!, Int(attributes["TIME_VALUE"]!)!))
            case "TIER": tiers.append(Tier(id: attributes["TIER_ID"]!, participant: attributes["PARTICIPANT"]))
            case "ALIGNABLE_ANNOTATION":
                let annotation = Annotation(id: attributes["ANNOTATION_ID"]!, start: attributes["TIME_SLOT_REF1"]!,
                                            end: attributes["TIME_SLOT_REF2"]!)
                tiers[tiers.count - 1].annotations.append(annotation)
            case "ANNOTATION_VALUE":
                tiers[tiers.count - 1].annotations[tiers[tiers.count - 1].annotations.count - 1].text = try reader.elementText()
            default: break
            }
        }
    }

    /// Problems with the time line: slots out of order, annotations not ending after they start,
    /// overlaps within a tier.
    var timeProblems: [String] {
        var problems: [String] = []
        let values = Dictionary(uniqueKeysWithValues: slots.map { ($0.id, $0.value) })
        let order = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($0.element.id, $0.offset) })
        if slots.map(\.value) != slots.map(\.value).sorted() { problems.append("time slots are not in time order") }
        for tier in tiers {
            var previousEnd = 0
            for annotation in tier.annotations {
                guard let start = values[annotation.start], let end = values[annotation.end] else {
                    problems.append("\(annotation.id) refers to a missing slot")
                    continue
                }
                if start >= end || order[annotation.start]! >= order[annotation.end]! {
                    problems.append("\(annotation.id) does not end after it starts")
                }
                if start < previousEnd { problems.append("\(annotation.id) overlaps the one before it on \(tier.id)") }
                previousEnd = end
            }
        }
        return problems
    }
}

@Suite("ELAN export")
struct ELANExportTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000)
    static let header = TranscriptHeader(session: EntityKey(.session, id: 3), title: "Säästöt & <app>", start: at,
                                         timeZone: "Europe/Helsinki", pseudonymized: false)

    static func turn(_ sequence: Int, participant: Int64? = nil, moderator: Int64? = nil, _ speaker: String,
                      _ start: Int?, end: Int? = nil, _ text: String) -> TranscriptEntry {
        let utterance = Utterance(sessionId: 3, sequence: sequence, participantId: participant, moderatorId: moderator,
                                  speakerLabel: speaker, startMs: start, endMs: end, text: text)
        return TranscriptEntry(utterance: utterance, speaker: speaker, codings: [])
    }

    static let entries = [
        turn(1, moderator: 1, "Åsa Lindqvist", 0, "Tervetuloa, välkommen!"),
        turn(2, participant: 7, "Äijälä, Tuulikki", 65_250, end: 70_000, "The fee 😀 is \"too\" high & <unclear>"),
        turn(3, participant: 8, "A\u{308}ija\u{308}la\u{308}, Tuulikki", 71_000, "Øystein said 5 < 6 && 7 > 3 👩‍👩‍👧\u{1}"),
        turn(4, "Åse (observer)", nil, "(laughter)"),
        turn(5, participant: 7, "Äijälä, Tuulikki", nil, "Jo\u{308}rgen ja Jörgen"),
        turn(6, "A\u{30A}se (observer)", 90_000, "(a phone rings)"),
    ]

    static func write(_ entries: [TranscriptEntry], to path: String) throws -> ELANWriter {
        let writer = try ELANWriter(destination: path, created: at)
        try writer.header(header)
        try writer.codebook([])
        for entry in entries { try writer.entry(entry) }
        try writer.finish()
        return writer
    }

    @Test func nordicNamesEmojiAndMarkupValidateAgainstEAF30() throws {
        let folder = try TempFolder()
        let path = folder.path("session.eaf")
        let writer = try Self.write(Self.entries, to: path)
        #expect(writer.annotationCount == 6 && writer.tierCount == 4)
        #expect(try InteropValidation.errors(inFile: path, schemaPath: EAFContents.schemaPath) == [])
        if let accepted = try xmllintAccepts(path) { #expect(accepted, "xmllint --schema rejects \(path)") }
        let eaf = try EAFContents(path: path)
        #expect(eaf.timeProblems == [])
        // Two people with canonically equal names get two tiers; one observer spelt two ways gets one.
        #expect(eaf.tiers.map { Array($0.id.unicodeScalars) } == ["Åsa Lindqvist", "Äijälä, Tuulikki",
                                                                  "A\u{308}ija\u{308}la\u{308}, Tuulikki (2)", "Åse (observer)"]
            .map { Array($0.unicodeScalars) })
        #expect(eaf.tiers.map(\.participant) == ["Åsa Lindqvist", "Äijälä, Tuulikki", "Äijälä, Tuulikki", "Åse (observer)"])
        #expect(eaf.tiers.map(\.annotations.count) == [1, 2, 1, 2])
        let texts = Dictionary(uniqueKeysWithValues: eaf.tiers.flatMap(\.annotations).map { ($0.id, Array($0.text.unicodeScalars)) })
        for (index, entry) in Self.entries.enumerated() {
            let expected = String(entry.utterance.text.unicodeScalars.filter { $0 != "\u{1}" })
            #expect(texts["a\(index + 1)"] == Array(expected.unicodeScalars), "a\(index + 1)")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("&lt;unclear&gt;") && text.contains(#"<PROPERTY NAME="roundtable:session">S-0003</PROPERTY>"#))
        #expect(text.contains(#"DATE="2026-11-18T"#) && text.contains(#"FORMAT="3.0" VERSION="3.0""#))
    }

    @Test func missingTimesAreFilledInOrder() {
        typealias Turn = ELANTimeline.Turn
        let spans = ELANTimeline.place([
            Turn(tier: 0, startMs: 5_000, endMs: nil, length: 10),  // ends where the next starts
            Turn(tier: 1, startMs: 70_000, endMs: 72_000, length: 10),  // its own end
            Turn(tier: 0, startMs: nil, endMs: nil, length: 20),  // after the one before, 20 × 80 ms
            Turn(tier: 1, startMs: nil, endMs: nil, length: 3),  // after that, until the next start
            Turn(tier: 0, startMs: 100_000, endMs: 100_000, length: 3),  // an end not after the start is ignored
            Turn(tier: 1, startMs: nil, endMs: nil, length: 2_000),  // the longest estimate
        ])
        #expect(spans.map { [$0.start, $0.end] } == [[5_000, 70_000], [70_000, 72_000], [72_000, 73_600], [73_600, 100_000],
                                                      [100_000, 101_000], [101_000, 161_000]])
    }

    @Test func aSpeakerNeverOverlapsThemselves() {
        typealias Turn = ELANTimeline.Turn
        let spans = ELANTimeline.place([
            Turn(tier: 0, startMs: 0, endMs: 10_000, length: 5),
            Turn(tier: 1, startMs: 2_000, endMs: 9_000, length: 5),  // other speakers may talk over
            Turn(tier: 0, startMs: 5_000, endMs: 6_000, length: 5),  // cuts the first one short
            Turn(tier: 2, startMs: 20_000, endMs: 21_000, length: 5),
            Turn(tier: 2, startMs: 20_000, endMs: 22_000, length: 5),  // same start: moved after, same length
            Turn(tier: 3, startMs: Int(UInt32.max) + 5, endMs: nil, length: 5),  // beyond what EAF holds
        ])
        #expect(spans.map { [$0.start, $0.end] } == [[0, 5_000], [2_000, 9_000], [5_000, 6_000], [20_000, 21_000],
                                                      [21_000, 23_000], [Int(UInt32.max) - 1, Int(UInt32.max)]])
    }

    @Test func anEmptyTranscriptStillValidates() throws {
        let folder = try TempFolder()
        let path = folder.path("empty.eaf")
        let writer = try Self.write([], to: path)
        #expect(writer.annotationCount == 0 && writer.tierCount == 0)
        #expect(try InteropValidation.errors(inFile: path, schemaPath: EAFContents.schemaPath) == [])
    }

    @Test func theValidatorIsLive() throws {
        let folder = try TempFolder()
        let path = try folder.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-01-01T00:00:00Z" VERSION="3.0">
            <HEADER TIME_UNITS="milliseconds"/>
            <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/></TIME_ORDER>
            <TIER LINGUISTIC_TYPE_REF="utterance" TIER_ID="A"><ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts9">
            <ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
            </ANNOTATION_DOCUMENT>
            """, "broken.eaf")
        #expect(try !InteropValidation.errors(inFile: path, schemaPath: EAFContents.schemaPath).isEmpty)
    }

    /// Validates with xmllint (nil, with a recorded issue, when it is missing).
    func xmllintAccepts(_ path: String) throws -> Bool? {
        guard FileManager.default.isExecutableFile(atPath: RosterSchemaTests.xmllint) else {
            // scripts/test.sh installs it: a missing xmllint fails the check instead of skipping it.
            Issue.record("xmllint is missing (apt-get install libxml2-utils)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RosterSchemaTests.xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", EAFContents.schemaPath, path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
