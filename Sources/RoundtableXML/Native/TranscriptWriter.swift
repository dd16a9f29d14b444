import Foundation
import RoundtableCore

/// Writes one session's transcript with its codings in the native format, streaming, to a file
/// that appears only once complete.
public final class TranscriptWriter: TranscriptSink {
    private let writer: XMLStreamWriter
    private var pseudonymized = false
    /// How many utterances were written.
    public private(set) var count = 0

    /// Starts the document at `destination`.
    public init(destination: String) throws {
        writer = try XMLStreamWriter(file: OutputFile(destination: destination))
        try writer.startDocument()
        try writer.start("transcript", namespace: NativeFormat.namespace)
        try writer.attribute("version", String(NativeFormat.version))
    }

    public func header(_ header: TranscriptHeader) throws {
        pseudonymized = header.pseudonymized
        try writer.attribute("session", "\(header.session)")
        try writer.attribute("start", NativeFormat.timestamp(header.start))
        try writer.attribute("timeZone", header.timeZone)
        if header.pseudonymized { try writer.attribute("pseudonymized", "true") }
        try writer.element("title", header.title)
    }

    public func codebook(_ codes: [Code]) throws {
        guard !codes.isEmpty else { return }
        try writer.start("codebook")
        for code in codes { try ResearchElements.code(code, to: writer) }
        try writer.end()
    }

    public func entry(_ entry: TranscriptEntry) throws {
        try ResearchElements.startUtterance(entry.utterance, speaker: entry.speaker, identified: !pseudonymized,
                                            inWorkspace: false, to: writer)
        for coding in entry.codings { try ResearchElements.coding(coding, withTarget: false, to: writer) }
        try writer.end()
        count += 1
    }

    /// Closes the document and moves the file into place.
    public func finish() throws {
        try writer.end()
        try writer.finish()
    }
}
