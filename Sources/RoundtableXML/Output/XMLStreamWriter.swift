import Foundation
internal import CLibXML2
import RoundtableCore

/// A streaming XML writer (libxml2's xmlTextWriter) into a file descriptor: UTF-8 without BOM,
/// indented, with characters XML 1.0 forbids stripped before they reach the output.
final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let label: String

    /// Writes to `fileDescriptor`, which stays owned by the caller.
    init(fileDescriptor: Int32, label: String) throws {
        _ = LibXMLSetup.ready
        self.label = label
        guard let output = xmlOutputBufferCreateFd(fileDescriptor, nil), let writer = xmlNewTextWriter(output) else {
            throw RoundtableError(.cannotCreateOutput, "cannot write \(label)")
        }
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        _ = "  ".withCString { xmlTextWriterSetIndentString(writer, $0) }
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    /// Closes every open element and flushes.
    func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
    }

    /// Opens an element; `namespace` declares the default namespace on it.
    func start(_ name: String, namespace: String? = nil) throws {
        try check(xmlTextWriterStartElement(writer, name))
        if let namespace { try attribute("xmlns", namespace) }
    }

    /// Closes the innermost element (as `<a/>` when it has no content).
    func end() throws {
        try check(xmlTextWriterEndElement(writer))
    }

    /// Adds an attribute to the element just opened.
    func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, XMLText.sanitized(value)))
    }

    /// Adds an attribute when there is a value.
    func attribute(_ name: String, _ value: String?) throws {
        if let value { try attribute(name, value) }
    }

    /// Writes escaped text.
    func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(writer, XMLText.sanitized(value)))
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
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }) else {
            return text
        }
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
