import Foundation
import RoundtableCore

/// Writes one session's transcript as an ELAN 3.0 annotation document (`.eaf`): a tier per
/// speaker, a time-aligned annotation per utterance, millisecond time slots from the utterance
/// times (missing times filled in as `ELANTimeline` describes). Codings are not carried.
///
/// ELAN wants the time slots before the tiers and each tier's annotations together, so the
/// utterances are gathered as they come and the file is written by `finish()`.
public final class ELANWriter: TranscriptSink {
    private let writer: XMLStreamWriter
    private let created: Date
    private let author: String
    private var header: TranscriptHeader?
    private var tiers = ELANTiers()
    private var turns: [ELANTimeline.Turn] = []
    private var texts: [String] = []

    /// How many annotations (utterances) the document holds.
    public var annotationCount: Int { turns.count }
    /// How many tiers (speakers) the document holds.
    public var tierCount: Int { tiers.tiers.count }

    /// Opens the file at `destination` (it appears there only once finished); `created` becomes the
    /// document's `DATE`, `author` its `AUTHOR`.
    public init(destination: String, created: Date, author: String = "Roundtable") throws {
        writer = try XMLStreamWriter(file: OutputFile(destination: destination))
        self.created = created
        self.author = author
    }

    public func header(_ header: TranscriptHeader) throws {
        self.header = header
    }

    public func codebook(_ codes: [Code]) throws {}

    public func entry(_ entry: TranscriptEntry) throws {
        let utterance = entry.utterance
        turns.append(ELANTimeline.Turn(tier: tiers.tier(for: entry), startMs: utterance.startMs, endMs: utterance.endMs,
                                       length: utterance.scalarCount))
        texts.append(utterance.text)
    }

    /// Writes the document and moves the file into place.
    public func finish() throws {
        let spans = ELANTimeline.place(turns)
        let slots = ELANTimeSlots(spans)
        try writer.startDocument()
        try writer.start("ANNOTATION_DOCUMENT")
        try writer.attribute("AUTHOR", author)
        try writer.attribute("DATE", TimeFormat.utc(created))
        try writer.attribute("FORMAT", "3.0")
        try writer.attribute("VERSION", "3.0")
        try writer.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try writer.attribute("xsi:noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd")
        try writeHeader()
        try writer.start("TIME_ORDER")
        for (index, value) in slots.values.enumerated() {
            try writer.start("TIME_SLOT")
            try writer.attribute("TIME_SLOT_ID", ELANTimeSlots.id(index))
            try writer.attribute("TIME_VALUE", String(value))
            try writer.end()
        }
        try writer.end()
        let byTier = Dictionary(grouping: turns.indices, by: { turns[$0].tier })
        for (number, tier) in tiers.tiers.enumerated() {
            try writer.start("TIER")
            try writer.attribute("LINGUISTIC_TYPE_REF", Self.linguisticType)
            try writer.attribute("PARTICIPANT", tier.participant)
            try writer.attribute("TIER_ID", tier.id)
            for index in (byTier[number] ?? []).sorted(by: { (spans[$0].start, $0) < (spans[$1].start, $1) }) {
                try writeAnnotation(index, slots: slots)
            }
            try writer.end()
        }
        try writeTypesAndConstraints()
        try writer.end()
        try writer.finish()
    }

    static let linguisticType = "utterance"

    private func writeHeader() throws {
        try writer.start("HEADER")
        try writer.attribute("MEDIA_FILE", "")
        try writer.attribute("TIME_UNITS", "milliseconds")
        if let header {
            try property("roundtable:session", "\(header.session)")
            try property("roundtable:title", header.title)
            try property("roundtable:sessionStart", TimeFormat.utc(header.start))
            try property("roundtable:timeZone", header.timeZone)
            if header.pseudonymized { try property("roundtable:pseudonymized", "true") }
        }
        // ELAN numbers the annotations it adds from here, so ours keep their IDs.
        try property("lastUsedAnnotationId", String(turns.count))
        try writer.end()
    }

    private func property(_ name: String, _ value: String) throws {
        try writer.start("PROPERTY")
        try writer.attribute("NAME", name)
        try writer.text(value)
        try writer.end()
    }

    private func writeAnnotation(_ index: Int, slots: ELANTimeSlots) throws {
        try writer.start("ANNOTATION")
        try writer.start("ALIGNABLE_ANNOTATION")
        try writer.attribute("ANNOTATION_ID", "a\(index + 1)")
        try writer.attribute("TIME_SLOT_REF1", ELANTimeSlots.id(slots.start[index]))
        try writer.attribute("TIME_SLOT_REF2", ELANTimeSlots.id(slots.end[index]))
        try writer.element("ANNOTATION_VALUE", texts[index])
        try writer.end()
        try writer.end()
    }

    // What ELAN itself writes after the tiers of a new document.
    private func writeTypesAndConstraints() throws {
        try writer.start("LINGUISTIC_TYPE")
        try writer.attribute("GRAPHIC_REFERENCES", "false")
        try writer.attribute("LINGUISTIC_TYPE_ID", Self.linguisticType)
        try writer.attribute("TIME_ALIGNABLE", "true")
        try writer.end()
        try writer.start("LOCALE")
        try writer.attribute("COUNTRY_CODE", "US")
        try writer.attribute("LANGUAGE_CODE", "en")
        try writer.end()
        for (stereotype, description) in Self.constraints {
            try writer.start("CONSTRAINT")
            try writer.attribute("DESCRIPTION", description)
            try writer.attribute("STEREOTYPE", stereotype)
            try writer.end()
        }
    }

    static let constraints: [(String, String)] = [
        ("Time_Subdivision", "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval"),
        ("Symbolic_Subdivision", "Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered"),
        ("Symbolic_Association", "1-1 association with a parent annotation"),
        ("Included_In", "Time alignable annotations within the parent annotation's time interval, gaps are allowed"),
    ]
}
