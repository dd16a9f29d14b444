import Foundation
import RoundtableCore

/// Reads a `.sss` file into `TripleSMetadata` with the hardened stream reader.
struct TripleSMetadataReader {
    private let reader: XMLStreamReader
    private var languages: [String] = []
    private var metadata = TripleSMetadata(version: "", recordIdent: "", layout: .fixed, skip: 0, variables: [], encoding: .utf8)
    private var records = 0

    /// Reads and checks the metadata in `path`, refusing files over `maxSize` bytes.
    static func read(path: String, maxSize: Int64) throws -> TripleSMetadata {
        let bytes = try TripleSFiles.contents(of: path, maxSize: maxSize)
        let prepared = try TripleSProlog.prepare(bytes, file: path)
        var parser = TripleSMetadataReader(reader: try XMLStreamReader(bytes: prepared.bytes, label: path, schema: nil))
        try parser.document()
        parser.metadata.encoding = prepared.encoding
        try parser.metadata.check(file: path)
        return parser.metadata
    }

    private init(reader: XMLStreamReader) {
        self.reader = reader
    }

    private func error(_ message: String) -> XMLInputError {
        XMLInputError(file: reader.file, line: reader.line, column: reader.column, message: message)
    }

    private mutating func document() throws {
        while let node = try reader.next() {
            guard case .start(let name) = node else { continue }
            guard name == "sss" else { throw error("not Triple-S metadata: the root element is <\(name)>, not <sss>") }
            let attributes = reader.attributes()
            metadata.version = attributes["version"] ?? "1.0"
            languages = (attributes["languages"] ?? "").split(separator: " ").map(String.init)
            try children { parser, name in
                guard name == "survey" else { return try parser.reader.skipElement() }
                try parser.children { parser, name in
                    if name == "record" { try parser.record() } else { try parser.reader.skipElement() }
                }
            }
            guard records == 1 else { throw error("the metadata declares no <record>") }
            return
        }
        throw error("the file has no root element")
    }

    /// Calls `body` on each child element of the element just started; `body` must consume it.
    private mutating func children(_ body: (inout Self, String) throws -> Void) throws {
        if reader.isEmptyElement { return }
        while let node = try reader.next() {
            switch node {
            case .start(let name): try body(&self, name)
            case .end: return
            case .text: continue
            }
        }
    }

    private mutating func record() throws {
        // Hierarchical (multi-record) Triple-S would need one participant spread over records.
        guard records == 0 else { throw error("more than one <record>: hierarchical Triple-S data is not supported") }
        records += 1
        let attributes = reader.attributes()
        metadata.recordIdent = attributes["ident"] ?? ""
        metadata.href = attributes["href"]
        metadata.skip = Int(attributes["skip"] ?? "0") ?? 0
        switch attributes["format"]?.lowercased() ?? "fixed" {
        case "fixed": metadata.layout = .fixed
        case "csv": metadata.layout = .csv
        case let other: throw error("record format '\(other)' is not supported (fixed or csv)")
        }
        try children { parser, name in
            if name == "variable" { parser.metadata.variables.append(try parser.variable()) } else { try parser.reader.skipElement() }
        }
    }

    private mutating func variable() throws -> TripleSVariable {
        let attributes = reader.attributes()
        let line = reader.line
        let ident = attributes["ident"] ?? ""
        let type = attributes["type"] ?? ""
        guard let kind = TripleSVariable.Kind(rawValue: type) else {
            throw error("variable ident \(ident) has type '\(type)', which Triple-S does not define")
        }
        var variable = TripleSVariable(ident: ident, kind: kind, name: "", label: "", start: 0, finish: 0, subfields: nil,
                                       codes: [], ranges: [], use: attributes["use"], line: line)
        try children { parser, name in
            switch name {
            case "name": variable.name = try parser.reader.elementText().trimmingCharacters(in: .whitespacesAndNewlines)
            case "label": variable.label = try parser.localizedText()
            case "position":
                let position = parser.reader.attributes()
                variable.start = Int(position["start"] ?? "") ?? 0
                variable.finish = Int(position["finish"] ?? "") ?? variable.start
                try parser.reader.skipElement()
            case "spread":
                // Below 1 is never valid (the checks say so); as 0 it cannot overflow the field arithmetic.
                variable.subfields = max(0, Int(parser.reader.attributes()["subfields"] ?? "") ?? 0)
                try parser.reader.skipElement()
            case "values": try parser.values(into: &variable)
            case "range": try parser.range(into: &variable)
            default: try parser.reader.skipElement()
            }
        }
        return variable
    }

    private mutating func values(into variable: inout TripleSVariable) throws {
        try children { parser, name in
            switch name {
            case "value":
                let code = (parser.reader.attributes()["code"] ?? "").trimmingCharacters(in: .whitespaces)
                variable.codes.append(TripleSCode(code: code, label: try parser.localizedText()))
            case "range": try parser.range(into: &variable)
            default: try parser.reader.skipElement()
            }
        }
    }

    private mutating func range(into variable: inout TripleSVariable) throws {
        let attributes = reader.attributes()
        guard let from = TripleSNumber.parse(attributes["from"] ?? ""), let to = TripleSNumber.parse(attributes["to"] ?? ""),
              from <= to
        else { throw error("variable \(variable.ident): <range> needs numeric from ≤ to") }
        variable.ranges.append(from...to)
        try reader.skipElement()
    }

    /// A label: its own text (1.2) or, in 2.0, the `<text>` in the survey's first language,
    /// preferring the analysis mode; whitespace runs become one space.
    private mutating func localizedText() throws -> String {
        var direct = ""
        var texts: [(lang: String, mode: String, text: String)] = []
        try children { parser, name in
            if name == "text" {
                let attributes = parser.reader.attributes()
                texts.append((attributes["lang"] ?? "", (attributes["mode"] ?? "").lowercased(), try parser.flatText()))
            } else {
                direct += " " + (try parser.flatText())
            }
        } text: { direct += $0 }
        let language = languages.first ?? ""
        let present = texts.filter { !Self.collapsed($0.text).isEmpty }
        let choice = present.first { $0.lang == language && $0.mode.contains("analysis") } ?? present.first { $0.lang == language }
            ?? present.first { $0.mode.contains("analysis") }
        if let choice { return Self.collapsed(choice.text) }
        return Self.collapsed(direct).isEmpty ? Self.collapsed(present.first?.text ?? "") : Self.collapsed(direct)
    }

    /// Like `children`, also handing over text between the child elements.
    private mutating func children(_ body: (inout Self, String) throws -> Void, text: (String) -> Void) throws {
        if reader.isEmptyElement { return }
        while let node = try reader.next() {
            switch node {
            case .start(let name): try body(&self, name)
            case .end: return
            case .text: text(reader.value)
            }
        }
    }

    /// All the text inside the element just started, markup such as `<br/>` read as a space.
    private mutating func flatText() throws -> String {
        var text = ""
        try children({ parser, _ in text += " " + (try parser.flatText()) }, text: { text += $0 })
        return text
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
