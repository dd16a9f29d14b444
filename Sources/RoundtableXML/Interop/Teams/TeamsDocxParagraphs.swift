import Foundation
import RoundtableCore

/// The paragraphs of a Word document (`.docx`), as Microsoft Teams saves a meeting transcript,
/// handed out one at a time as lines for `SpeakerBlockParser`.
///
/// The archive is read with the hardened zip reader under `UnpackLimits` (`--max-size` for the
/// entry, a ceiling on the compression ratio), and `word/document.xml` streams through libxml2 as
/// it is unpacked, with no DTD, entities or network; its errors read
/// `file.docx:word/document.xml:LINE:COL: ...`. A paragraph's text is its runs' text (`<w:t>`),
/// with tabs as tabs and line breaks as spaces; its line number is the line its `<w:p>` starts on.
public final class TeamsDocxParagraphs: TranscriptLineSource {
    /// WordprocessingML's main namespace.
    public static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// The name errors give the document: `file.docx:word/document.xml`.
    public let label: String
    private let archive: ZipArchive
    private let reader: XMLStreamReader
    private var checkedRoot = false
    public private(set) var lineNumber = 0

    /// Opens the Word document at `path` (`-` is standard input) of at most `maxSize` bytes.
    public init(path: String, maxSize: Int64) throws {
        archive = try ZipArchive(path: path, maxSize: maxSize, kind: ".docx")
        guard let entry = archive.entries.first(where: { $0.isFile && $0.path == "word/document.xml" }) else {
            throw XMLInputError(file: path, message: "not a Word document: the archive has no word/document.xml")
        }
        label = "\(path):word/document.xml"
        let limits = UnpackLimits(file: path, maxSize: maxSize, archiveSize: archive.size)
        reader = try XMLStreamReader(source: try ZipEntryReader(entry, in: archive, limits: limits), label: label, schema: nil)
    }

    public func nextLine() throws -> String? {
        do {
            return try paragraph()
        } catch let error as XMLInputError {
            throw error.roundtableError
        }
    }

    /// The text of the next paragraph, or nil at the end of the document.
    private func paragraph() throws -> String? {
        while let node = try reader.next() {
            guard case .start(let name) = node else { continue }
            if !checkedRoot {
                checkedRoot = true
                guard name == "document", reader.namespaceURI == Self.namespace else {
                    throw XMLInputError(file: label, line: reader.line, column: reader.column,
                                        message: "expected <w:document> in namespace \(Self.namespace)")
                }
                continue
            }
            guard name == "p", reader.namespaceURI == Self.namespace else { continue }
            lineNumber = reader.line
            return reader.isEmptyElement ? "" : try text()
        }
        return nil
    }

    /// The text up to the end of the paragraph just started; a paragraph inside it (a text box)
    /// gives its text too.
    private func text() throws -> String {
        var text = ""
        var depth = 1
        while depth > 0, let node = try reader.next() {
            switch node {
            case .start(let name):
                let empty = reader.isEmptyElement
                guard reader.namespaceURI == Self.namespace else {
                    if !empty { try reader.skipElement() }
                    continue
                }
                switch name {
                case "t": text += try reader.elementText()
                case "tab": text += "\t"
                case "br", "cr": text += " "
                case "delText", "instrText": try reader.skipElement()
                case "p": if !empty { depth += 1 }
                default: break
                }
            case .end(let name):
                if name == "p" { depth -= 1 }
            case .text:
                break
            }
        }
        return text
    }
}
