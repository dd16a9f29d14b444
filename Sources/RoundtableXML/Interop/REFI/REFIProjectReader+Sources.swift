import Foundation
import RoundtableCore

extension REFIProjectReader {
    /// Reads one `<TextSource>`: its text from the archive and its coded plain-text selections.
    func readSource() throws {
        let a = reader.attributes()
        let name = a["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "source \(project.sources.count + 1)"
        var text: [UInt8]?
        var tried: [String] = []
        if let path = a["plainTextPath"] { tried.append(path) }
        if let rich = a["richTextPath"], let dot = rich.lastIndex(of: ".") { tried.append(rich[..<dot] + ".txt") }
        if let guid = a["guid"] { tried.append("internal://\(guid).txt") }
        for path in tried where text == nil { text = try archive.source(path) }
        var source = REFIImportSource(name: name, created: a["creationDateTime"].flatMap(Self.date), text: text.map(Self.decode))
        if text == nil {
            project.warnings.append("project.qde:\(reader.line): source '\(name)' has no plain text in the archive; not brought across")
        }
        if !reader.isEmptyElement {
            var selection: REFIImportSelection?
            var described = 0
            while let node = try reader.next() {
                switch node {
                case .end("TextSource"): break
                case .start("PlainTextSelection"):
                    let s = reader.attributes()
                    selection = REFIImportSelection(start: Int(s["startPosition"] ?? "") ?? -1, end: Int(s["endPosition"] ?? "") ?? -1,
                                                    codeGUIDs: [], line: reader.line)
                    if reader.isEmptyElement { finish(&selection, into: &source) }
                    continue
                case .start("CodeRef"):
                    if let guid = reader.attributes()["targetGUID"].flatMap(GUID.normalized) { selection?.codeGUIDs.append(guid) }
                    continue
                case .end("PlainTextSelection"):
                    finish(&selection, into: &source)
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
        if source.text != nil || !source.selections.isEmpty { project.sources.append(source) }
    }

    private func finish(_ selection: inout REFIImportSelection?, into source: inout REFIImportSource) {
        guard let done = selection else { return }
        selection = nil
        if done.start < 0 || done.end <= done.start {
            project.warnings.append("project.qde:\(done.line): selection \(done.start)..<\(done.end) is not a range; "
                                    + "\(done.codeGUIDs.count) codings skipped")
        } else if source.text == nil {
            project.warnings.append("project.qde:\(done.line): \(done.codeGUIDs.count) codings on '\(source.name)' skipped (no text)")
        } else if countsUTF16, let text = source.text {
            var converted = done
            converted.start = Self.scalarOffset(text, utf16: done.start)
            converted.end = Self.scalarOffset(text, utf16: done.end)
            source.selections.append(converted)
        } else {
            source.selections.append(done)
        }
    }

    /// Codings naming a code the codebook lacks are listed and dropped.
    func checkReferences() {
        let known = Set(project.codes.compactMap(\.guid))
        for index in project.sources.indices {
            project.sources[index].selections = project.sources[index].selections.map { selection in
                var kept = selection
                kept.codeGUIDs = selection.codeGUIDs.filter { guid in
                    guard known.contains(guid) else {
                        project.warnings.append("project.qde:\(selection.line): a coding names missing code \(guid); skipped")
                        return false
                    }
                    return true
                }
                return kept
            }
        }
        project.sources = project.sources.filter { $0.text != nil }
    }

    /// The code-point offset of a UTF-16 offset (past the end: counted on as code points).
    static func scalarOffset(_ text: String, utf16 offset: Int) -> Int {
        var units = 0
        var scalars = 0
        for scalar in text.unicodeScalars {
            if units >= offset { return scalars }
            units += scalar.utf16.count
            scalars += 1
        }
        return scalars + max(0, offset - units)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(decoding: body, as: UTF8.self)
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
