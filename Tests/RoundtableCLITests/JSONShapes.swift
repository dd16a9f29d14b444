import Foundation

/// The `json-shape` blocks of docs/json.md: named object shapes and each command's output.
struct JSONShapes {
    /// A documented type: `string`, `[T]`, `map<T>`, `T?`, a shape's name, …
    indirect enum Kind: Equatable {
        case string, integer, number, boolean, instant, local, date
        case list(Kind), map(Kind), shape(String), optional(Kind)

        init(_ text: String) {
            if text.hasSuffix("?") { self = .optional(Kind(String(text.dropLast()))); return }
            if text.hasPrefix("["), text.hasSuffix("]") { self = .list(Kind(String(text.dropFirst().dropLast()))); return }
            if text.hasPrefix("map<"), text.hasSuffix(">") { self = .map(Kind(String(text.dropFirst(4).dropLast()))); return }
            switch text {
            case "string": self = .string
            case "integer": self = .integer
            case "number": self = .number
            case "boolean": self = .boolean
            case "instant": self = .instant
            case "local": self = .local
            case "date": self = .date
            default: self = .shape(text)
            }
        }

        /// What JSON holds, whatever the form: so one key name can be checked to mean one kind of value everywhere.
        var family: String {
            switch self {
            case .string, .instant, .local, .date: "string"
            case .integer, .number: "number"
            case .boolean: "boolean"
            case .list: "array"
            case .map, .shape: "object"
            case .optional(let kind): kind.family
            }
        }
    }

    /// Object shapes by name (commands that print an object are shapes named after the command).
    var shapes: [String: [(key: String, kind: Kind)]] = [:]
    /// What each command prints.
    var commands: [String: Kind] = [:]

    init(markdown: String) throws {
        let pattern = try NSRegularExpression(pattern: "```json-shape ([^\\n]+)\\n(.*?)```", options: [.dotMatchesLineSeparators])
        let text = markdown as NSString
        for match in pattern.matches(in: markdown, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            var fields: [(key: String, kind: Kind)] = []
            for line in text.substring(with: match.range(at: 2)).split(separator: "\n") {
                let words = line.split(separator: " ", omittingEmptySubsequences: true)
                guard words.count >= 2 else { continue }
                fields.append((String(words[0]), Kind(String(words[1]))))
            }
            let isCommand = name.first?.isLowercase == true
            if isCommand, fields.count == 1, fields[0].key == "=" {
                commands[name] = fields[0].kind
            } else {
                shapes[name] = fields
                if isCommand { commands[name] = .shape(name) }
            }
        }
    }

    /// Whether a key names an instant: `start`, `end`, `since`, `sessionStart`, or anything ending in `At`
    /// that is not a local time.
    static func isInstantKey(_ key: String) -> Bool {
        ["start", "end", "since", "sessionStart"].contains(key) || (key.hasSuffix("At") && key.count > 2 && !isLocalKey(key))
    }

    /// Whether a key names a local time: `local` and the instant's name, `localStart`.
    static func isLocalKey(_ key: String) -> Bool {
        key.hasPrefix("local") && key.dropFirst(5).first?.isUppercase == true
    }

    static let utc = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#)
    static let local = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#)
    static let day = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}$"#)
    static let camelCase = try! NSRegularExpression(pattern: #"^[a-z][a-zA-Z0-9]*$"#)

    static func matches(_ text: String, _ pattern: NSRegularExpression) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// Checks values against the shapes, collecting every problem and the shapes it met.
struct JSONShapeChecker {
    let shapes: JSONShapes
    var problems: [String] = []
    var shapesSeen: Set<String> = []

    mutating func check(_ value: JSONValue, _ kind: JSONShapes.Kind, at path: String) {
        switch (kind, value) {
        case (.optional, .null): return
        case (.optional(let inner), _): check(value, inner, at: path)
        case (_, .null): problems.append("\(path): null, but the page does not say it may be")
        case (.string, .string): return
        case (.instant, .string(let text)):
            if !JSONShapes.matches(text, JSONShapes.utc) { problems.append("\(path): '\(text)' is not a UTC instant") }
        case (.local, .string(let text)):
            if !JSONShapes.matches(text, JSONShapes.local) { problems.append("\(path): '\(text)' is not a local time with offset") }
        case (.date, .string(let text)):
            if !JSONShapes.matches(text, JSONShapes.day) { problems.append("\(path): '\(text)' is not a YYYY-MM-DD day") }
        case (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .bool): return
        case (.list(let element), .array(let items)):
            for (index, item) in items.enumerated() { check(item, element, at: "\(path)[\(index)]") }
        case (.map(let element), .object(let members)):
            for (key, member) in members { check(member, element, at: "\(path).\(key)") }
        case (.shape(let name), .object(let members)):
            guard let fields = shapes.shapes[name] else { return problems.append("\(path): the page has no shape \(name)") }
            shapesSeen.insert(name)
            let documented = Set(fields.map(\.key))
            for key in members.keys.sorted() where !documented.contains(key) {
                problems.append("\(path).\(key): not on the page (shape \(name))")
            }
            for key in members.keys where !JSONShapes.matches(key, JSONShapes.camelCase) {
                problems.append("\(path).\(key): not camelCase")
            }
            for field in fields {
                guard let member = members[field.key] else {
                    problems.append("\(path).\(field.key): missing (shape \(name)); keys are never left out")
                    continue
                }
                check(member, field.kind, at: "\(path).\(field.key)")
            }
        default:
            problems.append("\(path): \(value) is not \(kind)")
        }
    }
}
