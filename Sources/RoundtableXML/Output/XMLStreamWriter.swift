import Foundation
internal import CLibXML2
import RoundtableCore

/// A streaming XML writer (libxml2's xmlTextWriter) into an `OutputFile`: UTF-8 without BOM,
/// indented, with characters XML 1.0 forbids stripped before they reach the output.
final class XMLStreamWriter {
    private var writer: xmlTextWriterPtr?
    private let label: String
    // Held so the file descriptor outlives the C writer, which flushes into it when freed.
    private let file: OutputFile

    /// Writes into `file`; `finish()` completes the document and moves the file into place.
    init(file: OutputFile) throws {
        _ = LibXMLSetup.ready
        self.file = file
        label = file.destination
        guard let output = xmlOutputBufferCreateFd(file.fileDescriptor, nil), let writer = xmlNewTextWriter(output) else {
            throw RoundtableError(.cannotCreateOutput, "cannot write \(file.destination)")
        }
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, $0) }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    /// Closes every open element, flushes, frees the C writer and renames the file into place.
    func finish() throws {
        try endDocument()
        xmlFreeTextWriter(writer)
        writer = nil
        try file.commit()
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(try handle(), "1.0", "UTF-8", nil))
    }

    private func endDocument() throws {
        try check(xmlTextWriterEndDocument(try handle()))
        try check(xmlTextWriterFlush(try handle()))
    }

    private func handle() throws -> xmlTextWriterPtr {
        guard let writer else { throw RoundtableError(.cannotCreateOutput, "\(label) is already finished") }
        return writer
    }

    /// Opens an element; `namespace` declares the default namespace on it.
    func start(_ name: String, namespace: String? = nil) throws {
        let writer = try handle()
        try check(name.withXMLChars { xmlTextWriterStartElement(writer, $0) })
        if let namespace { try attribute("xmlns", namespace) }
    }

    /// Closes the innermost element (as `<a/>` when it has no content).
    func end() throws {
        try check(xmlTextWriterEndElement(try handle()))
    }

    /// Adds an attribute to the element just opened.
    func attribute(_ name: String, _ value: String) throws {
        let writer = try handle()
        try check(name.withXMLChars { name in XMLText.sanitized(value).withXMLChars { xmlTextWriterWriteAttribute(writer, name, $0) } })
    }

    /// Adds an attribute when there is a value.
    func attribute(_ name: String, _ value: String?) throws {
        if let value { try attribute(name, value) }
    }

    /// Writes escaped text.
    func text(_ value: String) throws {
        let writer = try handle()
        try check(XMLText.sanitized(value).withXMLChars { xmlTextWriterWriteString(writer, $0) })
    }

    /// `<name>text</name>`.
    func element(_ name: String, _ text: String) throws {
        try start(name)
        try self.text(text)
        try end()
    }

    /// `<name>text</name>` when there is a text.
    func element(_ name: String, _ text: String?) throws {
        if let text { try element(name, text) }
    }

    private func check(_ status: Int32) throws {
        guard status >= 0 else { throw RoundtableError(.cannotCreateOutput, "cannot write \(label)") }
    }
}

/// Text as XML 1.0 allows it.
enum XMLText {
    /// `text` without the control characters XML 1.0 forbids (all C0 but tab, LF, CR) and without
    /// U+FFFE/U+FFFF; Swift strings hold no lone surrogates, so nothing else can be invalid.
    static func sanitized(_ text: String) -> String {
        var text = text
        let suspicious = text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0xEF { return true }
            return false
        }
        guard suspicious else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}

extension String {
    /// Runs `body` with the string as NUL-terminated UTF-8 for libxml2, without copying native strings.
    func withXMLChars<Result>(_ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: 1, body) }
    }
}
