import Foundation

/// Reads session lengths such as `90m`, `1h30m`, `2h`, `PT1H30M` or a bare number of minutes.
public enum DurationParser {
    /// The number of minutes in `text`, between 1 minute and 24 hours.
    public static func minutes(_ text: String) throws -> Int {
        let bad = RoundtableError.usage(
            "cannot read duration '\(text)' (expected minutes such as 90m, 1h30m, 2h or 90)")
        var rest = text.trimmingCharacters(in: .whitespaces).lowercased()
        if rest.hasPrefix("pt") { rest.removeFirst(2) }
        if rest.count <= 6, let plain = Int(rest) { return try checked(plain, text) }
        rest = rest.replacingOccurrences(of: "min", with: "m")
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in rest {
            if character.isASCIIDigitCharacter {
                digits.append(character)
                continue
            }
            // Six digits is far past any session length and keeps the sum from overflowing.
            guard digits.count <= 6, let value = Int(digits) else { throw bad }
            switch character {
            case "h": total += value * 60
            case "m": total += value
            default: throw bad
            }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit else { throw bad }
        return try checked(total, text)
    }

    private static func checked(_ minutes: Int, _ text: String) throws -> Int {
        guard (1...Session.maximumDurationMinutes).contains(minutes) else {
            throw RoundtableError.usage("duration '\(text)' must be between 1 minute and 24 hours")
        }
        return minutes
    }
}
