import Foundation
import RoundtableCore

/// What a Triple-S (`.sss`, versions 1.2 and 2.0) file says about its data: one record of variables.
public struct TripleSMetadata: Sendable {
    /// How the data file lays out a record.
    public enum Layout: String, Sendable {
        /// Fixed-width columns (`.asc`, `.dat`): positions are character columns.
        case fixed
        /// Comma-separated values: positions are field numbers.
        case csv
    }

    /// The `version` attribute of `<sss>`, such as "1.2" or "2.0".
    public var version: String
    /// The record's `ident`.
    public var recordIdent: String
    /// Fixed width or CSV (`format` on `<record>`, 2.0; 1.2 is always fixed width).
    public var layout: Layout
    /// Header lines to skip at the top of the data file (`skip` on `<record>`, 2.0).
    public var skip: Int
    /// The data file the metadata names (`href` on `<record>`), often a path on the writer's machine.
    public var href: String?
    /// The variables in file order.
    public var variables: [TripleSVariable]
    /// The encoding the metadata is stored in, the data file's default when it has no byte-order mark.
    public var encoding: TripleSEncoding
}

/// One Triple-S variable: a question and where its answer sits in a data record.
public struct TripleSVariable: Sendable {
    /// The Triple-S variable types.
    public enum Kind: String, Sendable, CaseIterable {
        case single, multiple, quantity, character, logical, date, time
    }

    /// The `ident` attribute, unique in the record.
    public var ident: String
    /// The `type` attribute.
    public var kind: Kind
    /// The short name, used as the attribute name.
    public var name: String
    /// The question text (in the survey's first language when several are given).
    public var label: String
    /// First and last column (fixed width) or field (CSV), 1-based, inclusive.
    public var start: Int
    /// Last column or field; equal to `start` when the file gives no `finish`.
    public var finish: Int
    /// For a spread multiple: how many subfields, each holding one code. Nil: a bit string.
    public var subfields: Int?
    /// The declared codes with their labels, in file order.
    public var codes: [TripleSCode]
    /// Declared ranges of valid values (quantity, or a single coded by range).
    public var ranges: [ClosedRange<Decimal>]
    /// `use="serial"` or `use="weight"` (1.2).
    public var use: String?
    /// Where the variable is declared in the `.sss`, for messages.
    public var line: Int
    /// `codes` by value, so finding a row's code does not scan every declared code.
    var codeIndex = TripleSCodeIndex([])

    /// "Q1 (ident 1)", for messages.
    var described: String { "\(name) (ident \(ident))" }

    /// How many columns or fields the variable spans.
    var width: Int { finish - start + 1 }
}

/// A declared code and its label.
public struct TripleSCode: Sendable, Hashable {
    /// The code as the file writes it.
    public var code: String
    /// The label; empty when the file gives none (the code then stands for itself).
    public var label: String
    /// The code as a number, when it is one: data "01" matches code "1".
    var number: Decimal?

    /// Creates a code.
    public init(code: String, label: String) {
        self.code = code
        self.label = label
        number = TripleSNumber.parse(code)
    }
}

/// Where each declared code is: by number for a code that is one (data "01" matches code "1"),
/// else by its text; the first declaration wins, as a scan in file order would find it.
struct TripleSCodeIndex: Sendable {
    private var numbers: [Decimal: Int] = [:]
    private var texts: [String: Int] = [:]

    init(_ codes: [TripleSCode]) {
        for (index, code) in codes.enumerated() {
            if let number = code.number {
                if numbers[number] == nil { numbers[number] = index }
            } else if texts[code.code] == nil {
                texts[code.code] = index
            }
        }
    }

    /// The position of the code matching `raw` (whose value is `number`, when it is a number).
    func position(of raw: String, number: Decimal?) -> Int? {
        if let number { return numbers[number] }
        return texts[raw]
    }
}

/// How the metadata, and by default the data, is encoded.
public enum TripleSEncoding: String, Sendable {
    case utf8 = "UTF-8", latin1 = "ISO-8859-1", windows1252 = "windows-1252", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"

    /// The encoding an XML declaration names, nil for one Triple-S data cannot be read in.
    static func declared(_ name: String) -> TripleSEncoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1": .latin1
        case "windows-1252", "cp1252": .windows1252
        case "utf-16", "utf-16le": .utf16LE
        case "utf-16be": .utf16BE
        default: nil
        }
    }
}

/// Numbers as Triple-S writes them: optional sign, digits, optional decimal point.
enum TripleSNumber {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The value of `text` (already trimmed), or nil if it is not a plain decimal number.
    static func parse(_ text: String) -> Decimal? {
        var digits = 0, points = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case ".": points += 1
            case "+" where index == 0, "-" where index == 0: continue
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        return Decimal(string: text, locale: posix)
    }

    /// `value` without leading or trailing zeros: "012" → "12", "01.4000" → "1.4".
    static func canonical(_ value: Decimal) -> String {
        value.description
    }
}
