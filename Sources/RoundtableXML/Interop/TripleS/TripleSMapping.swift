import Foundation
import RoundtableCore

/// Which Triple-S variables fill which participant fields, from `--map id=SERIAL,name=RESPNAME`
/// flags and/or a mapping file of `field=VARIABLE` lines (`#` starts a comment). Variables are named
/// by their `<name>` (any case) or their `ident`. Every variable not mapped becomes an attribute.
public struct TripleSMapping: Sendable, Equatable {
    /// A participant field a variable can fill.
    public enum Field: String, Sendable, CaseIterable {
        case id, name, email, phone, locale, timeZone

        init?(key: String) {
            let key = key.lowercased().filter { $0 != "-" && $0 != "_" }
            guard let field = Field.allCases.first(where: { $0.rawValue.lowercased() == key }) ?? (key == "tz" ? .timeZone : nil)
            else { return nil }
            self = field
        }
    }

    /// Field → variable reference, as given.
    public private(set) var fields: [Field: String] = [:]

    /// Creates an empty mapping.
    public init() {}

    /// Reads `--map` values (each a comma-separated list of `field=VARIABLE`), then the mapping file;
    /// a field given twice is a usage error.
    public init(flags: [String], file: String? = nil) throws {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw RoundtableError(.inputMissing, "\(file): cannot read the mapping file")
            }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                try add(String(content), where: "\(file):\(index + 1)")
            }
        }
        for flag in flags {
            for pair in flag.split(separator: ",") { try add(String(pair), where: "--map") }
        }
    }

    /// Maps `field` to `variable`.
    public mutating func set(_ field: Field, _ variable: String) {
        fields[field] = variable
    }

    private mutating func add(_ pair: String, where origin: String) throws {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, !parts[1].isEmpty else {
            throw RoundtableError.usage("\(origin): '\(pair)' is not field=VARIABLE (fields: \(known))")
        }
        guard let field = Field(key: parts[0]) else {
            throw RoundtableError.usage("\(origin): '\(parts[0])' is not a participant field (fields: \(known))")
        }
        guard fields[field] == nil else { throw RoundtableError.usage("\(origin): \(field.rawValue) is mapped twice") }
        fields[field] = parts[1]
    }

    /// The index of each mapped field's variable, the id defaulting to the survey's serial variable
    /// (nil: none, so the record number serves). Unknown variables and a missing name are usage errors.
    func resolve(_ metadata: TripleSMetadata, file: String) throws -> [Field: Int] {
        let variables = metadata.variables
        var resolved: [Field: Int] = [:]
        for (field, reference) in fields {
            guard let index = variables.firstIndex(where: { $0.name.lowercased() == reference.lowercased() })
                ?? variables.firstIndex(where: { $0.ident == reference })
            else {
                throw RoundtableError.usage("\(file) has no variable '\(reference)' (for \(field.rawValue)); its variables: "
                    + variables.map(\.name).joined(separator: ", "))
            }
            resolved[field] = index
        }
        guard resolved[.name] != nil else {
            let candidates = Self.nameLike(variables)
            let all = variables.map(\.name).joined(separator: ", ")
            let shown = candidates.map { "\($0.name) (\"\($0.label)\")" }.joined(separator: ", ")
            throw RoundtableError.usage("a participant needs a name: give --map name=VARIABLE; " + (candidates.isEmpty
                ? "no variable in \(file) looks like a name (its variables: \(all))" : "variables that look like names: \(shown)"))
        }
        if resolved[.id] == nil { resolved[.id] = Self.serial(variables) }
        return resolved
    }

    /// The survey's serial variable: `use="serial"`, else a quantity or character variable named
    /// like a respondent id (serial, id, respid, …) or labelled "serial number" / "respondent id".
    static func serial(_ variables: [TripleSVariable]) -> Int? {
        if let index = variables.firstIndex(where: { $0.use?.lowercased() == "serial" }) { return index }
        let names: Set<String> = ["serial", "serialno", "serialnumber", "id", "respid", "respondentid", "respondent",
                                  "caseid", "recordid", "resp", "record", "interviewid"]
        let keyed = variables.indices.filter { [.quantity, .character].contains(variables[$0].kind) }
        return keyed.first { names.contains(variables[$0].name.lowercased().filter { $0.isLetter || $0.isNumber }) }
            ?? keyed.first {
                let label = variables[$0].label.lowercased()
                return label.contains("serial number") || label.contains("respondent id") || label.contains("record number")
            }
    }

    /// Character variables whose name or label suggests a person's name; else every character variable.
    static func nameLike(_ variables: [TripleSVariable]) -> [TripleSVariable] {
        let text = variables.filter { $0.kind == .character }
        let hints = ["name", "navn", "namn", "nimi", "nom"]
        let named = text.filter { variable in
            hints.contains { variable.name.lowercased().contains($0) || variable.label.lowercased().contains($0) }
        }
        return named.isEmpty ? text : named
    }
}
