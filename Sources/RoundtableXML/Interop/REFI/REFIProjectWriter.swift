import Foundation
import RoundtableCore

/// Writes a REFI-QDA project (`.qdpx`) as the export streams it: a zip holding one
/// `sources/<GUID>.txt` per text source (UTF-8 without BOM), deflated line by line as the turns
/// arrive, then `project.qde`. The `<TextSource>` elements, which need each turn's offset in its
/// text, wait in an unlinked scratch file until the project document reaches them. The file
/// appears only on `commit()`; a device, a FIFO or standard output can take a project too.
public final class REFIProjectWriter: REFIProjectSink {
    /// The REFI-QDA project namespace.
    public static let namespace = "urn:QDA-XML:project:1.0"

    private let destination: String
    private let origin: String
    private let created: Date
    private var output: OutputFile?
    private var zip: ZipStreamWriter?
    private let scratch: ScratchFile
    private let sources: REFIXMLOutput
    /// Code points written into the open source so far.
    private var scalarCount = 0
    private var sets: [(guid: String, setGUID: String, name: String, notes: [String])] = []
    /// Selections that carry a coding, in sources and notes.
    public private(set) var codings = 0

    /// A project for `destination`, opened when the first source arrives (so an empty scope is
    /// refused before any file is made); `origin` names the writing program, `created` dates it.
    public init(destination: String, origin: String, created: Date) throws {
        self.destination = destination
        self.origin = origin
        self.created = created
        let scratch = try ScratchFile()
        self.scratch = scratch
        sources = REFIXMLOutput { try scratch.write($0) }
    }

    private func archive() throws -> ZipStreamWriter {
        if let zip { return zip }
        let file = try OutputFile(destination: destination)
        let zip = ZipStreamWriter(output: file, modified: created)
        (output, self.zip) = (file, zip)
        return zip
    }

    public func beginSource(_ source: REFISource) throws {
        try archive().beginEntry("sources/\(source.guid).txt")
        scalarCount = 0
        try sources.raw("    <TextSource")
        try sources.attribute("guid", source.guid)
        try sources.attribute("name", source.name)
        try sources.attribute("plainTextPath", "internal://\(source.guid).txt")
        try sources.attribute("creatingUser", source.creatingUserGUID)
        try sources.raw(">\n")
    }

    public func appendLine(speaker: String, text: String) throws -> Int {
        let zip = try archive()
        scalarCount += try Self.oneLine(speaker, into: zip)
        try zip.write(byte: UInt8(ascii: ":"))
        try zip.write(byte: UInt8(ascii: " "))
        scalarCount += 2
        let start = scalarCount
        scalarCount += try Self.oneLine(text, into: zip)
        try zip.write(byte: UInt8(ascii: "\n"))
        scalarCount += 1
        return start
    }

    public func select(_ selection: REFISelection) throws {
        if selection.coding != nil { codings += 1 }
        try REFIProjectXML.selection(selection, indent: 6, to: sources)
    }

    public func endSource(_ source: REFISource) throws {
        for note in source.noteGUIDs { try REFIProjectXML.reference("NoteRef", note, indent: 6, to: sources) }
        for value in source.values { try REFIProjectXML.value(value, indent: 6, to: sources) }
        try sources.raw("    </TextSource>\n")
        try archive().endEntry()
        sets.append((source.guid, source.setGUID, source.name, source.noteGUIDs))
    }

    public func finish(_ project: REFIProject, turns: (Int, (String) throws -> Void) throws -> Void) throws {
        let zip = try archive()
        try sources.flush()
        codings += project.notes.flatMap(\.selections).filter { $0.coding != nil }.count
        try zip.beginEntry("project.qde")
        let xml = REFIXMLOutput { try zip.write($0) }
        try REFIProjectXML.head(project, origin: origin, created: created, to: xml)
        try REFIProjectXML.cases(project.cases, turns: turns, to: xml)
        if !sets.isEmpty {
            try xml.raw("  <Sources>\n")
            try xml.flush()
            try scratch.copy { try zip.write($0) }
            try xml.raw("  </Sources>\n")
        }
        try REFIProjectXML.notes(project.notes, to: xml)
        if !sets.isEmpty {
            try xml.raw("  <Sets>\n")
            for set in sets {
                try xml.raw("    <Set")
                try xml.attribute("guid", set.setGUID)
                try xml.attribute("name", set.name)
                try xml.raw(">\n")
                try REFIProjectXML.reference("MemberSource", set.guid, indent: 6, to: xml)
                for note in set.notes { try REFIProjectXML.reference("MemberNote", note, indent: 6, to: xml) }
                try xml.raw("    </Set>\n")
            }
            try xml.raw("  </Sets>\n")
        }
        try xml.raw("</Project>\n")
        try xml.flush()
        try zip.finish()
    }

    /// Makes the written project appear at its destination.
    public func commit() throws {
        try output?.commit()
    }

    /// Writes `text` on one line (line breaks as spaces, one for one) and returns its code points.
    /// UTF-8 bytes that do not continue a character each start one code point.
    private static func oneLine(_ text: String, into zip: ZipStreamWriter) throws -> Int {
        var text = text
        var breaks = false
        var count = 0
        text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { count += 1 }
                // LF, CR, U+0085 (C2 85) and U+2028 (E2 80 A8).
                switch byte {
                case 0x0A, 0x0D: breaks = true
                case 0x85: if index > 0, bytes[index - 1] == 0xC2 { breaks = true }
                case 0xA8: if index > 1, bytes[index - 1] == 0x80, bytes[index - 2] == 0xE2 { breaks = true }
                default: break
                }
            }
        }
        if breaks {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                scalars.append(scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{85}" ? " " : scalar)
            }
            text = String(scalars)
        }
        try zip.write(text)
        return count
    }
}

/// An unlinked temporary file: written once, then copied out from its start.
final class ScratchFile {
    private let descriptor: Int32

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/roundtable-refi-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw RoundtableError(.cannotCreateOutput, "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, base, left)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw failure() }
            base += written
            left -= written
        }
    }

    /// Hands everything written so far to `body`, in chunks.
    func copy(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw failure() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw failure() }
            if got == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<got]))
        }
    }

    private func failure() -> RoundtableError {
        RoundtableError(.cannotCreateOutput, "cannot use a temporary file: \(String(cString: strerror(errno)))")
    }
}
