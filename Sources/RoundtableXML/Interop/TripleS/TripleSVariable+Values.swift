import Foundation

/// Why one data row cannot be imported, in one line naming the variable.
struct TripleSRowError: Error {
    var message: String
}

/// A variable's value in one row, as kept on the participant.
struct TripleSCell {
    /// Labels for codes ("Female", not "2"), several joined by "; "; empty when not answered.
    var value = ""
    /// Codes the row holds that the metadata does not declare (kept as the code, and warned about).
    var undeclared: [String] = []
}

extension TripleSVariable {
    /// The value of this variable in one row, from its raw parts: one string, or for a multiple
    /// the subfields (spread) or the bit-string columns.
    func cell(_ parts: [String]) throws -> TripleSCell {
        let raw = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        var cell = TripleSCell()
        switch kind {
        case .character:
            cell.value = raw
        case .single:
            // Like blanks, zeros are "not answered" unless 0 is a declared code.
            guard !raw.isEmpty, TripleSNumber.parse(raw) != 0 || codes.contains(where: { $0.number == 0 }) else { break }
            cell.value = label(raw, &cell.undeclared)
        case .quantity:
            guard !raw.isEmpty else { break }
            guard let number = TripleSNumber.parse(raw) else { throw problem("'\(raw)' is not a number") }
            cell.value = label(raw, &cell.undeclared, number: number)
        case .logical:
            switch raw {
            case "": break
            case "1": cell.value = "true"
            case "0": cell.value = "false"
            default: throw problem("'\(raw)' is not a logical value (1 or 0)")
            }
        case .date:
            cell.value = try digits(raw, [4, 2, 2], separator: "-", valid: { $0[1] <= 12 && $0[1] >= 1 && $0[2] >= 1 && $0[2] <= 31 },
                                    what: "a date (YYYYMMDD)")
        case .time:
            cell.value = try digits(raw, [2, 2, 2], separator: ":", valid: { $0[0] <= 23 && $0[1] <= 59 && $0[2] <= 59 },
                                    what: "a time (HHMMSS)")
        case .multiple:
            cell.value = try chosen(parts, &cell.undeclared).joined(separator: "; ")
        }
        return cell
    }

    private func problem(_ message: String) -> TripleSRowError {
        TripleSRowError(message: "\(name): \(message)")
    }

    /// The label of a code; a code the metadata does not declare (and no declared range covers)
    /// stands for itself and is noted in `undeclared`.
    private func label(_ raw: String, _ undeclared: inout [String], number: Decimal? = nil) -> String {
        let number = number ?? TripleSNumber.parse(raw)
        if let position = codeIndex.position(of: raw, number: number), codes.indices.contains(position) {
            let match = codes[position]
            return match.label.isEmpty ? match.code : match.label
        }
        let shown = number.map(TripleSNumber.canonical) ?? raw
        if let number, ranges.contains(where: { $0.contains(number) }) { return shown }
        if kind == .quantity && ranges.isEmpty { return shown }
        undeclared.append(shown)
        return shown
    }

    /// The labels chosen in a multiple: one code a subfield (spread), or a 1 in column k for code k.
    private func chosen(_ parts: [String], _ undeclared: inout [String]) throws -> [String] {
        if subfields != nil {
            return parts.map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && TripleSNumber.parse($0) != 0 }
                .map { label($0, &undeclared) }
        }
        var labels: [String] = []
        for (index, part) in parts.enumerated() {
            switch part.trimmingCharacters(in: .whitespaces) {
            case "", "0": continue
            case "1": labels.append(label(String(index + 1), &undeclared))
            default: throw problem("'\(parts.joined())' is not a bit string of 0s and 1s")
            }
        }
        return labels
    }

    /// Digits in fixed groups, rejoined with `separator` ("20260105" → "2026-01-05"); the
    /// separated form is accepted as well.
    private func digits(_ raw: String, _ groups: [Int], separator: Character, valid: ([Int]) -> Bool,
                        what: String) throws -> String {
        guard !raw.isEmpty else { return "" }
        let plain = raw.filter { $0 != separator }
        guard plain.count == groups.reduce(0, +), plain.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw problem("'\(raw)' is not \(what)")
        }
        var fields: [String] = []
        var rest = Substring(plain)
        for width in groups {
            fields.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width)
        }
        guard valid(fields.map { Int($0)! }) else { throw problem("'\(raw)' is not \(what)") }
        return fields.joined(separator: String(separator))
    }
}
