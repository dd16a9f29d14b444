import Foundation

/// A speaker named at the start of a cue's text, as Zoom writes it (`Aino Virtanen: Hello`) and
/// some SRT files do (`[Aino] Hello`), told apart from speech that merely holds a colon.
///
/// The label before the first ':' counts only when the colon is followed by white space (so
/// `at 10:15 we start`, `17:30: ok` and `https://x` are speech), the label starts with a letter,
/// has at most six words and 60 characters, and holds no brackets or quotes. A clock time such as
/// `we meet at 17:30: ok` therefore never becomes a speaker: its first colon is followed by a digit.
public enum SpeakerPrefix {
    /// The longest label read as a speaker, in words.
    static let maximumWords = 6

    /// The speaker and the rest of the text, or nil when `text` does not start with a speaker.
    public static func split(_ text: String, brackets: Bool = false) -> (speaker: String, text: String)? {
        if brackets, text.first == "[", let close = text.firstIndex(of: "]") {
            let label = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.first == " " || rest.first == "\t", plausible(label) else { return nil }
            return (UnicodeText.composed(CueText.collapsed(label)), CueText.collapsed(String(rest)))
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let after = text[text.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        let label = String(text[..<colon])
        guard plausible(label) else { return nil }
        return (UnicodeText.composed(CueText.collapsed(label)), CueText.collapsed(String(after)))
    }

    /// Whether `label` may be a person's name or a tool's label such as "Speaker 2".
    public static func plausible(_ label: String) -> Bool {
        let trimmed = CueText.collapsed(label)
        guard let first = trimmed.first, first.isLetter, trimmed.count <= TranscriptText.maximumSpeakerLength,
              trimmed.split(separator: " ").count <= maximumWords else { return false }
        return !trimmed.contains { "[]<>{}\"“”:".contains($0) }
    }
}
