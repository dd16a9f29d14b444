import Foundation
import RoundtableCore

extension REFIProjectReader {
    /// Reads one `<TextSource>`: its text (from the archive, or inline), its variable values and its
    /// plain-text selections, checked against the text once it is known. A source whose text is
    /// missing or not UTF-8 stops the import: its sessions would be silently incomplete.
    func readSource() throws {
        project.declaredSources += 1
        project.selectionOwners.seal()
        if codebookOnly { return try reader.skipElement() }
        let a = reader.attributes()
        let line = reader.line
        let name = a["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "source \(project.sources.count + 1)"
        var tried: [String] = []
        if let path = a["plainTextPath"] { tried.append(path) }
        if let rich = a["richTextPath"], let dot = rich.lastIndex(of: ".") { tried.append(rich[..<dot] + ".txt") }
        if let guid = a["guid"] { tried.append("internal://\(guid).txt") }
        tried = tried.reduce(into: []) { unique, path in if !unique.contains(path) { unique.append(path) } }
        var text: String?
        for path in tried where text == nil {
            if let found = try archive.source(path) { text = try decode(found.bytes, source: name, entry: found.path, line: line) }
        }
        var source = REFIImportSource(guid: a["guid"].flatMap(GUID.normalized), name: name,
                                      created: a["creationDateTime"].flatMap(Self.date), text: nil)
        source.creatingUser = a["creatingUser"].flatMap(GUID.normalized)
        var selections: [REFIImportSelection] = []
        if !reader.isEmptyElement {
            var selection: REFIImportSelection?
            var described = 0
            while let node = try reader.next() {
                switch node {
                case .end("TextSource"): break
                case .start("PlainTextContent"):
                    let inline = try reader.elementText()
                    if text == nil { text = inline }
                    continue
                case .start("PlainTextSelection"):
                    let s = reader.attributes()
                    selection = REFIImportSelection(guid: s["guid"].flatMap(GUID.normalized),
                                                    start: Int(s["startPosition"] ?? "") ?? -1, end: Int(s["endPosition"] ?? "") ?? -1,
                                                    codeGUIDs: [], line: reader.line)
                    if reader.isEmptyElement, let done = selection { selections.append(done) }
                    continue
                case .start("CodeRef"):
                    if let guid = reader.attributes()["targetGUID"].flatMap(GUID.normalized) { selection?.codeGUIDs.append(guid) }
                    continue
                case .end("PlainTextSelection"):
                    if let done = selection { selections.append(done) }
                    selection = nil
                    continue
                case .start("VariableValue"):
                    if let value = try readVariableValue() { source.variables.append(value) }
                    continue
                case .start("Description"):
                    if !UnicodeText.trimmed(try reader.elementText()).isEmpty { described += 1 }
                    continue
                case .start("Coding"), .end, .text: continue
                case .start(let element):
                    skip(element, at: reader.line)
                    try reader.skipElement()
                    continue
                }
                break
            }
            if described > 0 { project.warnings.append("source '\(name)': \(described) descriptions not brought across") }
        }
        guard let text else {
            let looked = tried.isEmpty ? "it names no plain-text file and has no <PlainTextContent>"
                : "its plain text (\(tried.joined(separator: ", "))) is not in the archive"
            throw XMLInputError(file: archive.file, message: "project.qde:\(line): source '\(name)': \(looked)")
        }
        source.text = text
        source.selections = checked(selections, in: text, source: name)
        // Let go of the list as read: two lists of 100k selections were held while the source was brought across.
        selections = []
        project.textSources += 1
        if let each {
            source.selections = checkedReferences(source.selections)
            try each(project, source)
        } else {
            project.sources.append(source)
        }
    }

    /// The selections that lie inside `text` (positions converted from UTF-16 units for NVivo);
    /// every other one is listed in a warning, counted, and not applied.
    private func checked(_ selections: [REFIImportSelection], in text: String, source: String) -> [REFIImportSelection] {
        let length = countsUTF16 ? text.utf16.count : text.unicodeScalars.count
        var kept: [REFIImportSelection] = []
        kept.reserveCapacity(selections.count)
        for selection in selections {
            let named = "selection \(selection.guid ?? "without a GUID") \(selection.start)..<\(selection.end)"
            let codings = "its \(selection.codeGUIDs.count) codings are not applied"
            let problem: String? = if selection.start < 0 || selection.end < 0 {
                "has no valid start and end"
            } else if selection.end <= selection.start {
                "is not a range (it ends where or before it starts)"
            } else if selection.end > length {
                "lies outside source '\(source)', which is \(length) \(countsUTF16 ? "UTF-16 units" : "characters") long"
            } else {
                nil
            }
            guard let problem else {
                kept.append(selection)
                continue
            }
            project.warnings.append("project.qde:\(selection.line): \(named) \(problem); \(codings)")
            project.selectionsNotApplied += 1
        }
        return countsUTF16 ? Self.scalarOffsets(kept, in: text) : kept
    }

    /// Selections counted in UTF-16 units, re-counted in code points in one pass over the text.
    static func scalarOffsets(_ selections: [REFIImportSelection], in text: String) -> [REFIImportSelection] {
        let wanted = Set(selections.flatMap { [$0.start, $0.end] }).sorted()
        var scalars: [Int: Int] = [:]
        var next = 0
        var units = 0
        var count = 0
        for scalar in text.unicodeScalars {
            while next < wanted.count, wanted[next] <= units {
                scalars[wanted[next]] = count
                next += 1
            }
            units += scalar.utf16.count
            count += 1
        }
        while next < wanted.count {
            scalars[wanted[next]] = count
            next += 1
        }
        return selections.map { selection in
            var converted = selection
            converted.start = scalars[selection.start] ?? selection.start
            converted.end = scalars[selection.end] ?? selection.end
            return converted
        }
    }

    /// Codings naming a code the codebook lacks are listed and dropped.
    func checkReferences() {
        for index in project.sources.indices {
            project.sources[index].selections = checkedReferences(project.sources[index].selections)
        }
    }

    /// `selections` without codings that name a code the codebook (as read so far) lacks; those are listed.
    func checkedReferences(_ selections: [REFIImportSelection]) -> [REFIImportSelection] {
        let known = Set(project.codes.compactMap(\.guid))
        return selections.map { selection in
            var kept = selection
            kept.codeGUIDs = selection.codeGUIDs.filter { guid in
                guard known.contains(guid) else {
                    referenceWarnings.append("project.qde:\(selection.line): a coding names missing code \(guid); skipped")
                    return false
                }
                return true
            }
            return kept
        }
    }

    /// The text of a source file: UTF-8 (a byte-order mark dropped), as REFI-QDA requires.
    func decode(_ bytes: [UInt8], source: String, entry: String, line: Int) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = bytes.count - body.count
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
        throw XMLInputError(file: archive.file, message: "project.qde:\(line): source '\(source)' (\(entry)) is not UTF-8 text "
                            + "(byte \(byte) at offset \(offset)); REFI-QDA requires UTF-8: convert it and export again")
    }

    static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        plain.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return plain.date(from: text)
    }
}

/// Codes as they nest in a `<CodeBook>`: each handed on once its description is known.
struct REFICodeStack {
    private var stack: [(entry: CodebookEntry, emitted: Bool)] = []
    private(set) var entries: [CodebookEntry] = []
    var isOpen: Bool { !stack.isEmpty }

    mutating func open(name: String, color: String?, guid: String) {
        emitTop()
        stack.append((CodebookEntry(path: (stack.last?.entry.path ?? []) + [name], color: color, guid: guid), false))
    }

    mutating func describe(_ text: String) {
        if !text.isEmpty, !stack.isEmpty { stack[stack.count - 1].entry.description = text }
    }

    mutating func close() {
        emitTop()
        if !stack.isEmpty { stack.removeLast() }
    }

    private mutating func emitTop() {
        guard let top = stack.last, !top.emitted else { return }
        entries.append(top.entry)
        stack[stack.count - 1].emitted = true
    }
}
