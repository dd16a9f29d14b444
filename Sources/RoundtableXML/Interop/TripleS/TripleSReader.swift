import Foundation
import RoundtableCore

/// Reads a Triple-S survey (`.sss` metadata, 1.2 or 2.0, with its fixed-width or CSV data file
/// beside it) as roster rows: one participant a data record. Mapped variables fill the participant's
/// fields; every other variable becomes an attribute named after the variable, coded answers given
/// by their labels. Rows that break a rule are rejected with their line in the data file.
public final class TripleSReader {
    /// The survey as the `.sss` declares it.
    public let metadata: TripleSMetadata
    /// The data file the rows come from; rejected rows' lines are lines of this file.
    public let dataPath: String
    private let data: TripleSDataFile
    private let fields: [TripleSMapping.Field: Int]
    private let sssPath: String
    private var undeclared: [String: (line: Int, count: Int)] = [:]
    private let positionWarnings: [String]
    private var undeclaredOrder: [String] = []

    /// Whether `path` names Triple-S metadata (by its `.sss` extension).
    public static func accepts(path: String) -> Bool {
        PathName.pathExtension(of: path).lowercased() == "sss"
    }

    /// Reads the metadata at `path` and finds its data file; refuses a mapping that names unknown
    /// variables or no name (usage), a missing data file (input missing), bad metadata (data error).
    public init(path: String, mapping: TripleSMapping, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        sssPath = path
        metadata = try TripleSMetadataReader.read(path: path, maxSize: maxSize)
        fields = try mapping.resolve(metadata, file: PathName.lastComponent(of: path))
        dataPath = try TripleSFiles.dataPath(for: path, metadata)
        data = try TripleSDataFile(path: dataPath, metadataEncoding: metadata.encoding, maxSize: maxSize)
        positionWarnings = try metadata.checkPositions(longest: data.longestLine(), file: path,
                                                       data: PathName.lastComponent(of: dataPath))
    }

    /// The variables kept as attributes: all those not mapped to a field, in file order.
    public var attributeVariables: [TripleSVariable] {
        let mapped = Set(fields.values)
        return metadata.variables.indices.filter { !mapped.contains($0) }.map { metadata.variables[$0] }
    }

    /// Which variable fills which field (the id's default included).
    public var mappedVariables: [TripleSMapping.Field: String] {
        fields.mapValues { metadata.variables[$0].name }
    }

    /// Things worth knowing that did not stop the import: the record number standing in for a missing
    /// serial variable, codes the metadata does not declare (kept as codes).
    public var warningMessages: [String] {
        var messages = positionWarnings
        if fields[.id] == nil {
            messages.append("\(sssPath): no serial variable (use=\"serial\", or one named like serial, id or respid): the "
                + "record number is the partner's id, so give --map id=VARIABLE if the file has a stable one")
        }
        for key in undeclaredOrder {
            let (line, count) = undeclared[key]!
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            messages.append("\(dataPath):\(line): \(parts[0]): code '\(parts[1])' is not declared in the metadata "
                + "(\(count == 1 ? "1 row" : "\(count) rows")); kept as the code")
        }
        return messages
    }

    /// Calls `handle` with every data record in file order, each checked by `RosterEntry.validated()`.
    public func read(_ handle: (RosterItem) throws -> Void) throws {
        var record = 0
        try data.lines { line, text in
            guard line > metadata.skip else { return }
            guard let text else {
                return try handle(.rejected(line: line, message: "the line is not valid \(data.encoding.rawValue)"))
            }
            guard !text.allSatisfy(\.isWhitespace) else { return }
            record += 1
            do {
                try handle(try entry(text, line: line, record: record).validated())
            } catch let error as TripleSRowError {
                try handle(.rejected(line: line, message: error.message))
            }
        }
    }

    private func entry(_ text: String, line: Int, record: Int) throws -> RosterItem {
        let source = try TripleSRecord(text, layout: metadata.layout)
        var values: [TripleSMapping.Field: String] = [:]
        var attributes: [NamedValue] = []
        attributes.reserveCapacity(metadata.variables.count)
        for (index, variable) in metadata.variables.enumerated() {
            let cell = try variable.cell(source.parts(of: variable))
            for code in cell.undeclared { noteUndeclared(variable.name, code, line: line) }
            let targets = fields.filter { $0.value == index }.map(\.key)
            if targets.isEmpty { attributes.append(NamedValue(name: variable.name, value: cell.value)) }
            for field in targets { values[field] = cell.value }
        }
        let nameVariable = metadata.variables[fields[.name]!].name
        guard let name = values[.name], !name.isEmpty else {
            throw TripleSRowError(message: "no name: \(nameVariable) is blank")
        }
        func optional(_ field: TripleSMapping.Field) -> String? { values[field].flatMap { $0.isEmpty ? nil : $0 } }
        let id = fields[.id] == nil ? String(record) : values[.id] ?? ""
        guard !id.isEmpty else { throw TripleSRowError(message: "no id: \(metadata.variables[fields[.id]!].name) is blank") }
        return .entry(RosterEntry(externalId: id, name: name, email: optional(.email), phone: optional(.phone),
                                  locale: optional(.locale), timeZone: optional(.timeZone), attributes: attributes, line: line))
    }

    private func noteUndeclared(_ variable: String, _ code: String, line: Int) {
        let key = variable + "\u{0}" + code
        if let seen = undeclared[key] {
            undeclared[key] = (seen.line, seen.count + 1)
        } else {
            undeclared[key] = (line, 1)
            undeclaredOrder.append(key)
        }
    }
}
