import Foundation

extension Reaction {
    /// One answer that differs between two reactions of the same person to the same concept.
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        /// `appeal`, `intent`, `recommend`, `expectation` or `comment`.
        public var field: String
        /// The earlier answer, as shown (`none` when there was none).
        public var old: String
        /// The new answer, as shown.
        public var new: String

        public var description: String { "\(field) \(old) → \(new)" }
    }

    /// The answers of this reaction that differ from `earlier`, in the order the questions are asked.
    public func changes(from earlier: Reaction) -> [Change] {
        zip(earlier.shownAnswers, shownAnswers).compactMap { old, new in
            old.value == new.value ? nil : Change(field: old.field, old: old.value, new: new.value)
        }
    }

    /// `appeal 2, intent 2, recommend 3, expectation +1, comment "Hyvä idea"`: every answer on one line.
    public var answers: String {
        shownAnswers.map { "\($0.field) \($0.value)" }.joined(separator: ", ")
    }

    /// Each answer by name as shown: expectation signed, the comment quoted on one line, `none` for none.
    private var shownAnswers: [(field: String, value: String)] {
        [("appeal", "\(appeal)"), ("intent", "\(intent)"), ("recommend", "\(recommend)"),
         ("expectation", expectation.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "none"),
         ("comment", comment.map(Self.quoted) ?? "none")]
    }

    /// A comment in double quotes with its line breaks, quotes and backslashes escaped, so it stays one line.
    public static func quoted(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}": quoted += "\\n"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
