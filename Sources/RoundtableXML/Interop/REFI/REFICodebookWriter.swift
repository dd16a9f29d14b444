import Foundation
import RoundtableCore

/// Writes the codebook as a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`),
/// codes nested under their parents with their stored GUIDs, to a file that appears only once complete.
public enum REFICodebookWriter {
    /// The REFI-QDA codebook namespace.
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    /// Writes `codes` (any order; parents are found by id) to `destination`; `origin` names the
    /// writing program. A codebook needs at least one code.
    public static func write(_ codes: [Code], to destination: String, origin: String) throws {
        guard !codes.isEmpty else { throw RoundtableError.rule("the codebook is empty: a REFI-QDA codebook needs at least one code") }
        let children = Dictionary(grouping: codes.sorted { ($0.id ?? 0) < ($1.id ?? 0) }, by: \.parentId)
        let writer = try XMLStreamWriter(file: OutputFile(destination: destination))
        try writer.startDocument()
        try writer.start("CodeBook", namespace: namespace)
        try writer.attribute("origin", origin)
        try writer.start("Codes")
        for code in children[nil] ?? [] { try write(code, children, to: writer) }
        try writer.end()
        try writer.end()
        try writer.finish()
    }

    private static func write(_ code: Code, _ children: [Int64?: [Code]], to writer: XMLStreamWriter) throws {
        try writer.start("Code")
        try writer.attribute("guid", code.guid)
        try writer.attribute("name", code.name)
        try writer.attribute("isCodable", "true")
        try writer.attribute("color", code.color)
        try writer.element("Description", code.description)
        for child in children[code.id] ?? [] { try write(child, children, to: writer) }
        try writer.end()
    }
}
