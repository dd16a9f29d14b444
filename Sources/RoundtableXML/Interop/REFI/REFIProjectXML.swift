import Foundation
import RoundtableCore

/// The parts of a `project.qde`, in the order the schema's sequence requires (Users, CodeBook,
/// Variables, Cases, Sources, Notes, Sets), each collection left out when empty (the schema wants
/// at least one member), indented by two spaces a level.
enum REFIProjectXML {
    /// The declaration, `<Project>` and its Users, CodeBook and Variables.
    static func head(_ project: REFIProject, origin: String, created: Date, to xml: REFIXMLOutput) throws {
        try xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project")
        try xml.attribute("xmlns", REFIProjectWriter.namespace)
        try xml.attribute("name", project.name)
        try xml.attribute("origin", origin)
        try xml.attribute("creationDateTime", TimeFormat.utc(created))
        try xml.raw(">\n")
        if !project.users.isEmpty {
            try xml.raw("  <Users>\n")
            for user in project.users {
                try xml.raw("    <User")
                try xml.attribute("guid", user.guid)
                try xml.attribute("name", user.name)
                try xml.raw("/>\n")
            }
            try xml.raw("  </Users>\n")
        }
        if !project.codes.isEmpty {
            try xml.raw("  <CodeBook>\n    <Codes>\n")
            let children = Dictionary(grouping: project.codes.sorted { ($0.id ?? 0) < ($1.id ?? 0) }, by: \.parentId)
            for code in children[nil] ?? [] { try write(code, children, indent: 6, xml) }
            try xml.raw("    </Codes>\n  </CodeBook>\n")
        }
        if !project.variables.isEmpty {
            try xml.raw("  <Variables>\n")
            for variable in project.variables {
                try xml.raw("    <Variable")
                try xml.attribute("guid", variable.guid)
                try xml.attribute("name", variable.name)
                try xml.attribute("typeOfVariable", variable.type.rawValue)
                try xml.raw("/>\n")
            }
            try xml.raw("  </Variables>\n")
        }
    }

    /// `<Cases>`: each case's values, sources, and the turns `turns` emits for it.
    static func cases(_ cases: [REFICase], turns: (Int, (String) throws -> Void) throws -> Void, to xml: REFIXMLOutput) throws {
        guard !cases.isEmpty else { return }
        try xml.raw("  <Cases>\n")
        for (index, person) in cases.enumerated() {
            try xml.raw("    <Case")
            try xml.attribute("guid", person.guid)
            try xml.attribute("name", person.name)
            try xml.raw(">\n")
            for value in person.values { try self.value(value, indent: 6, to: xml) }
            for source in person.sourceGUIDs { try reference("SourceRef", source, indent: 6, to: xml) }
            for turn in person.selectionGUIDs { try reference("SelectionRef", turn, indent: 6, to: xml) }
            try turns(index) { try reference("SelectionRef", $0, indent: 6, to: xml) }
            try xml.raw("    </Case>\n")
        }
        try xml.raw("  </Cases>\n")
    }

    /// `<Notes>`, each with its text and coded selections.
    static func notes(_ notes: [REFINote], to xml: REFIXMLOutput) throws {
        guard !notes.isEmpty else { return }
        try xml.raw("  <Notes>\n")
        for note in notes {
            try xml.raw("    <Note")
            try xml.attribute("guid", note.guid)
            try xml.attribute("name", note.name)
            try xml.attribute("creatingUser", note.userGUID)
            try xml.attribute("creationDateTime", TimeFormat.utc(note.created))
            try xml.raw(">\n      <PlainTextContent>")
            try xml.text(note.text)
            try xml.raw("</PlainTextContent>\n")
            for selection in note.selections { try self.selection(selection, indent: 6, to: xml) }
            try xml.raw("    </Note>\n")
        }
        try xml.raw("  </Notes>\n")
    }

    /// `<NAME targetGUID="guid"/>`.
    static func reference(_ name: StaticString, _ guid: String, indent: Int, to xml: REFIXMLOutput) throws {
        try self.indent(indent, xml)
        try xml.raw("<")
        try xml.raw(name)
        try xml.attribute("targetGUID", guid)
        try xml.raw("/>\n")
    }

    /// A variable's value, in the element its type names.
    static func value(_ value: REFIValue, indent: Int, to xml: REFIXMLOutput) throws {
        try self.indent(indent, xml)
        try xml.raw("<VariableValue>\n")
        try reference("VariableRef", value.variableGUID, indent: indent + 2, to: xml)
        try self.indent(indent + 2, xml)
        let (open, close): (StaticString, StaticString) = switch value.type {
        case .text: ("<TextValue>", "</TextValue>\n")
        case .integer: ("<IntegerValue>", "</IntegerValue>\n")
        case .dateTime: ("<DateTimeValue>", "</DateTimeValue>\n")
        }
        try xml.raw(open)
        try xml.text(value.value)
        try xml.raw(close)
        try self.indent(indent, xml)
        try xml.raw("</VariableValue>\n")
    }

    /// A plain-text selection, with its coding if it has one.
    static func selection(_ selection: REFISelection, indent: Int, to xml: REFIXMLOutput) throws {
        try self.indent(indent, xml)
        try xml.raw("<PlainTextSelection")
        try xml.attribute("guid", selection.guid)
        try xml.attribute("name", selection.name)
        try xml.attribute("startPosition", selection.start)
        try xml.attribute("endPosition", selection.end)
        guard let coding = selection.coding else { return try xml.raw("/>\n") }
        try xml.attribute("creatingUser", coding.userGUID)
        try xml.attribute("creationDateTime", coding.created.map(TimeFormat.utc))
        try xml.raw(">\n")
        try self.indent(indent + 2, xml)
        try xml.raw("<Coding")
        try xml.attribute("guid", coding.guid)
        try xml.attribute("creatingUser", coding.userGUID)
        try xml.attribute("creationDateTime", coding.created.map(TimeFormat.utc))
        try xml.raw(">\n")
        try reference("CodeRef", coding.codeGUID, indent: indent + 4, to: xml)
        try self.indent(indent + 2, xml)
        try xml.raw("</Coding>\n")
        try self.indent(indent, xml)
        try xml.raw("</PlainTextSelection>\n")
    }

    private static func write(_ code: Code, _ children: [Int64?: [Code]], indent: Int, _ xml: REFIXMLOutput) throws {
        try self.indent(indent, xml)
        try xml.raw("<Code")
        try xml.attribute("guid", code.guid)
        try xml.attribute("name", code.name)
        try xml.attribute("isCodable", "true")
        try xml.attribute("color", code.color)
        let nested = children[code.id] ?? []
        guard code.description != nil || !nested.isEmpty else { return try xml.raw("/>\n") }
        try xml.raw(">\n")
        if let description = code.description {
            try self.indent(indent + 2, xml)
            try xml.raw("<Description>")
            try xml.text(description)
            try xml.raw("</Description>\n")
        }
        for child in nested { try write(child, children, indent: indent + 2, xml) }
        try self.indent(indent, xml)
        try xml.raw("</Code>\n")
    }

    private static func indent(_ count: Int, _ xml: REFIXMLOutput) throws {
        switch count {
        case 2: try xml.raw("  ")
        case 4: try xml.raw("    ")
        case 6: try xml.raw("      ")
        case 8: try xml.raw("        ")
        default: for _ in 0..<count / 2 { try xml.raw("  ") }
        }
    }
}
