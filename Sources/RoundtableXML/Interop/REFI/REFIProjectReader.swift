import Foundation
import RoundtableCore

/// Reads a REFI-QDA project (`.qdpx`) for import, leniently (no schema, as for codebooks): the
/// codebook, users, cases, and text sources with their coded plain-text selections. Whatever is not
/// brought across becomes a warning; codings that name a missing code and selections outside their
/// source are listed and skipped. A text source whose text is missing or not UTF-8 is an error.
public final class REFIProjectReader {
    /// The REFI-QDA project namespace.
    public static let namespace = "urn:QDA-XML:project:1.0"
    let archive: REFIArchive
    let reader: XMLStreamReader
    var project = REFIImportProject(name: "")
    var variables: [String: String] = [:]
    /// Whether selection positions count UTF-16 units, as NVivo 12 writes them, rather than code points.
    var countsUTF16 = false
    /// Whether sources are passed over unread, for an import of the codebook and cases only.
    let codebookOnly: Bool
    private var skipped: [String: Int] = [:]

    /// Opens a `.qdpx` archive of at most `maxSize` bytes, whose entries may unpack to at most
    /// `maxSize` bytes each and together; with `codebookOnly`, source texts are not read.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize, codebookOnly: Bool = false) throws {
        archive = try REFIArchive(path: path, maxSize: maxSize)
        reader = try archive.projectReader()
        self.codebookOnly = codebookOnly
    }

    /// Called with the project read so far (codebook, users, cases: they precede the sources in a
    /// project.qde) and each text source as it is read, instead of keeping it in `sources`.
    var each: ((REFIImportProject, REFIImportSource) throws -> Void)?
    /// Warnings about codings that name a missing code, listed after the others as when the
    /// project was checked whole.
    var referenceWarnings: [String] = []

    /// The whole project; source texts are read from the archive.
    public func read() throws -> REFIImportProject {
        each = nil
        return try readProject()
    }

    /// The project without its sources, each of which is handed to `each` as it is read (with the
    /// project read so far) and then let go: a project of a million turns is never held whole.
    public func read(each: @escaping (REFIImportProject, REFIImportSource) throws -> Void) throws -> REFIImportProject {
        self.each = each
        defer { self.each = nil }
        return try readProject()
    }

    private func readProject() throws -> REFIImportProject {
        guard let first = try reader.next(), case .start("Project") = first, reader.namespaceURI == Self.namespace else {
            throw XMLInputError(file: reader.file, line: reader.line, message: "expected <Project> in namespace \(Self.namespace)")
        }
        project.name = reader.attributes()["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "REFI project"
        countsUTF16 = (reader.attributes()["origin"] ?? "").lowercased().contains("nvivo")
        if countsUTF16 {
            project.warnings.append("project.qde: NVivo counts selection positions in UTF-16 units; converted to code points")
        }
        var codes = REFICodeStack()
        while let node = try reader.next() {
            switch node {
            case .start("User"):
                let a = reader.attributes()
                project.users.append(REFIImportUser(guid: a["guid"].flatMap(GUID.normalized), name: a["name"] ?? "user"))
            case .start("Code"):
                let a = reader.attributes()
                let text = a["guid"] ?? ""
                guard let guid = GUID.normalized(text), let name = a["name"], !name.isEmpty else {
                    throw XMLInputError(file: reader.file, line: reader.line, message: "<Code> needs a name and a GUID (got '\(text)')")
                }
                codes.open(name: name, color: a["color"], guid: guid)
                if reader.isEmptyElement { codes.close() }
            case .start("Description") where codes.isOpen:
                codes.describe(UnicodeText.trimmed(try reader.elementText()))
            case .end("Code"): codes.close()
            case .end("CodeBook"): project.codes = codes.entries
            case .start("Variable"):
                let a = reader.attributes()
                if let guid = a["guid"].flatMap(GUID.normalized) { variables[guid] = a["name"] ?? "" }
                try reader.skipElement()
            case .start("Case"): try readCase()
            case .end("Cases"): project.selectionOwners.seal()
            case .start("TextSource"): try readSource()
            case .start("PictureSource"), .start("PDFSource"), .start("AudioSource"), .start("VideoSource"):
                project.declaredSources += 1
                skip(reader.localName, at: reader.line)
                try reader.skipElement()
            case .start("Sets"):
                let line = reader.line
                if reader.isEmptyElement {
                    project.warnings.append("project.qde:\(line): empty <Sets/> (the schema wants at least one <Set>); read anyway")
                } else {
                    skip("Sets", at: line)
                    try reader.skipElement()
                }
            case .start("Project"), .start("Users"), .start("CodeBook"), .start("Codes"), .start("Variables"),
                 .start("Cases"), .start("Sources"), .end, .text:
                continue
            case .start(let name):
                skip(name, at: reader.line)
                try reader.skipElement()
            }
        }
        project.codes = codes.entries
        project.selectionOwners.seal()
        checkReferences()
        project.warnings += referenceWarnings
        for (name, count) in skipped.sorted(by: { $0.key < $1.key }) {
            project.warnings.append("project.qde: \(count) <\(name)> not brought across")
        }
        if codebookOnly {
            project.warnings.append("project.qde: codebook only: \(project.declaredSources) sources not read")
        } else if project.declaredSources == 0 {
            project.warnings.append("project.qde: the project has no sources, so no sessions (a codebook)")
        }
        return project
    }

    func skip(_ name: String, at line: Int) {
        if skipped[name] == nil { project.warnings.append("project.qde:\(line): <\(name)> is not brought across") }
        skipped[name, default: 0] += 1
    }

    private func readCase() throws {
        let name = UnicodeText.trimmed(reader.attributes()["name"] ?? "")
        let line = reader.line
        var person = REFIImportCase(name: name, variables: [])
        if !reader.isEmptyElement {
            while let node = try reader.next() {
                switch node {
                case .end("Case"): break
                case .start("VariableValue"):
                    if let value = try readVariableValue() { person.variables.append(value) }
                    continue
                case .start("SelectionRef"):
                    if let guid = reader.attributes()["targetGUID"] { project.selectionOwners.add(guid, owner: project.cases.count) }
                    continue
                case .start("SourceRef"):
                    if let guid = reader.attributes()["targetGUID"].flatMap(GUID.normalized) { person.sourceGUIDs.append(guid) }
                    continue
                case .end, .text:
                    continue
                case .start(let element):
                    skip(element, at: reader.line)
                    try reader.skipElement()
                    continue
                }
                break
            }
        }
        guard !name.isEmpty else {
            project.warnings.append("project.qde:\(line): a case without a name is not brought across")
            project.selectionOwners.removeOwners(from: project.cases.count)
            return
        }
        project.cases.append(person)
    }

    /// The variable's name and the value of the `<VariableValue>` just started; nil (with a warning)
    /// when it names no known variable or holds no value.
    func readVariableValue() throws -> (name: String, value: String)? {
        if reader.isEmptyElement { return nil }
        var variable: String?
        var value = ""
        var target = ""
        while let node = try reader.next() {
            switch node {
            case .end("VariableValue"):
                guard let variable else {
                    project.warnings.append("project.qde:\(reader.line): a value names missing variable '\(target)'; skipped")
                    return nil
                }
                return variable.isEmpty || value.isEmpty ? nil : (variable, value)
            case .start("VariableRef"):
                target = reader.attributes()["targetGUID"].flatMap(GUID.normalized) ?? ""
                variable = variables[target]
                try reader.skipElement()
            case .start(let element) where element.hasSuffix("Value"):
                value = UnicodeText.trimmed(try reader.elementText())
            case .start:
                try reader.skipElement()
            case .end, .text:
                continue
            }
        }
        return nil
    }
}
