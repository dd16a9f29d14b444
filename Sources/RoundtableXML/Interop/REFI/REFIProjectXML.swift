import Foundation
import RoundtableCore

/// The `project.qde` of a REFI-QDA project: the Project children in the order the schema's
/// sequence requires, each collection left out when empty (the schema wants at least one member).
enum REFIProjectXML {
    static func write(_ project: REFIProject, to writer: XMLStreamWriter, origin: String, created: Date) throws {
        try writer.startDocument()
        try writer.start("Project", namespace: REFIProjectWriter.namespace)
        try writer.attribute("name", project.name)
        try writer.attribute("origin", origin)
        try writer.attribute("creationDateTime", TimeFormat.utc(created))
        try collection("Users", project.users, writer) { user in
            try writer.start("User")
            try writer.attribute("guid", user.guid)
            try writer.attribute("name", user.name)
            try writer.end()
        }
        if !project.codes.isEmpty {
            try writer.start("CodeBook")
            try writer.start("Codes")
            let children = Dictionary(grouping: project.codes.sorted { ($0.id ?? 0) < ($1.id ?? 0) }, by: \.parentId)
            for code in children[nil] ?? [] { try write(code, children, writer) }
            try writer.end()
            try writer.end()
        }
        try collection("Variables", project.variables, writer) { variable in
            try writer.start("Variable")
            try writer.attribute("guid", variable.guid)
            try writer.attribute("name", variable.name)
            try writer.attribute("typeOfVariable", variable.type.rawValue)
            try writer.end()
        }
        try collection("Cases", project.cases, writer) { try write($0, writer) }
        try collection("Sources", project.sources, writer) { source in
            try writer.start("TextSource")
            try writer.attribute("guid", source.guid)
            try writer.attribute("name", source.name)
            try writer.attribute("plainTextPath", "internal://\(source.guid).txt")
            try writer.attribute("creatingUser", source.creatingUserGUID)
            for selection in source.selections { try write(selection, writer) }
            try refs("NoteRef", source.noteGUIDs, writer)
            for value in source.values { try write(value, writer) }
            try writer.end()
        }
        try collection("Notes", project.notes, writer) { note in
            try writer.start("Note")
            try writer.attribute("guid", note.guid)
            try writer.attribute("name", note.name)
            try writer.attribute("creatingUser", note.userGUID)
            try writer.attribute("creationDateTime", TimeFormat.utc(note.created))
            try writer.element("PlainTextContent", note.text)
            for selection in note.selections { try write(selection, writer) }
            try writer.end()
        }
        try collection("Sets", project.sources, writer) { source in
            try writer.start("Set")
            try writer.attribute("guid", source.setGUID)
            try writer.attribute("name", source.name)
            try refs("MemberSource", [source.guid], writer)
            try refs("MemberNote", source.noteGUIDs, writer)
            try writer.end()
        }
        try writer.end()
    }

    private static func collection<T>(_ name: String, _ items: [T], _ writer: XMLStreamWriter,
                                      _ body: (T) throws -> Void) throws {
        guard !items.isEmpty else { return }
        try writer.start(name)
        for item in items { try body(item) }
        try writer.end()
    }

    private static func refs(_ name: String, _ guids: [String], _ writer: XMLStreamWriter) throws {
        for guid in guids {
            try writer.start(name)
            try writer.attribute("targetGUID", guid)
            try writer.end()
        }
    }

    private static func write(_ code: Code, _ children: [Int64?: [Code]], _ writer: XMLStreamWriter) throws {
        try writer.start("Code")
        try writer.attribute("guid", code.guid)
        try writer.attribute("name", code.name)
        try writer.attribute("isCodable", "true")
        try writer.attribute("color", code.color)
        try writer.element("Description", code.description)
        for child in children[code.id] ?? [] { try write(child, children, writer) }
        try writer.end()
    }

    private static func write(_ person: REFICase, _ writer: XMLStreamWriter) throws {
        try writer.start("Case")
        try writer.attribute("guid", person.guid)
        try writer.attribute("name", person.name)
        for value in person.values { try write(value, writer) }
        try refs("SourceRef", person.sourceGUIDs, writer)
        try refs("SelectionRef", person.selectionGUIDs, writer)
        try writer.end()
    }

    private static func write(_ value: REFIValue, _ writer: XMLStreamWriter) throws {
        try writer.start("VariableValue")
        try refs("VariableRef", [value.variableGUID], writer)
        try writer.element(value.type.rawValue + "Value", value.value)
        try writer.end()
    }

    private static func write(_ selection: REFISelection, _ writer: XMLStreamWriter) throws {
        try writer.start("PlainTextSelection")
        try writer.attribute("guid", selection.guid)
        try writer.attribute("name", selection.name)
        try writer.attribute("startPosition", String(selection.start))
        try writer.attribute("endPosition", String(selection.end))
        if let coding = selection.coding {
            try writer.attribute("creatingUser", coding.userGUID)
            try writer.attribute("creationDateTime", coding.created.map(TimeFormat.utc))
            try writer.start("Coding")
            try writer.attribute("guid", coding.guid)
            try writer.attribute("creatingUser", coding.userGUID)
            try writer.attribute("creationDateTime", coding.created.map(TimeFormat.utc))
            try refs("CodeRef", [coding.codeGUID], writer)
            try writer.end()
        }
        try writer.end()
    }
}
