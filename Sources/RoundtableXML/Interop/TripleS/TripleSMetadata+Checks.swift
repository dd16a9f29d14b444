import Foundation
import RoundtableCore

extension TripleSMetadata {
    /// The last column (fixed width) or field (CSV) a variable may use: a record of a million
    /// characters is far past any survey, and positions are checked against it before any
    /// arithmetic or allocation depends on them.
    static let maxPosition = 1_000_000

    /// Checks that every variable can be read from the data and kept, filling in CSV field numbers
    /// the file leaves out; a variable that cannot be represented is an error, never skipped.
    mutating func check(file: String) throws {
        guard !variables.isEmpty else { throw XMLInputError(file: file, message: "the record declares no variables") }
        var names: Set<String> = []
        var nextField = 1
        for index in variables.indices {
            var variable = variables[index]
            func problem(_ message: String) -> XMLInputError {
                XMLInputError(file: file, line: variable.line, message: "variable \(variable.described): \(message)")
            }
            guard !variable.name.isEmpty else {
                throw XMLInputError(file: file, line: variable.line, message: "variable ident \(variable.ident) has no <name>")
            }
            do {
                _ = try TextRules.token(variable.name, what: "the name")
            } catch let error as RoundtableError {
                throw problem(error.message)
            }
            guard names.insert(variable.name.lowercased()).inserted else { throw problem("the name is used twice") }
            let limit = Self.maxPosition
            guard variable.start <= limit, variable.finish <= limit, (variable.subfields ?? 1) <= limit else {
                throw problem("position \(variable.start)–\(variable.finish)\(variable.subfields.map { ", \($0) subfields" } ?? "") "
                              + "is past the last \(layout == .csv ? "field" : "column") a record may have (\(limit))")
            }
            if layout == .csv && variable.start == 0 {
                variable.start = nextField
                variable.finish = nextField + max((variable.subfields ?? 1) - 1, 0)
            }
            guard variable.start >= 1, variable.finish >= variable.start else {
                throw problem(variable.start == 0 ? "no <position start=…>" : "position finish is before start")
            }
            guard variable.finish <= limit else { throw problem("the fields run past the last a record may have (\(limit))") }
            nextField = variable.finish + 1
            if variable.kind == .multiple { try checkMultiple(variable, problem) }
            variable.codeIndex = TripleSCodeIndex(variable.codes)
            variables[index] = variable
        }
    }

    /// Checks fixed-width positions against the data: a variable wider than the longest record
    /// cannot be read from it (an error); one that starts past every record is blank in all of them
    /// (a warning, since editors trim trailing blanks). `longest` counts code units, which is never
    /// fewer than the characters a line holds.
    func checkPositions(longest: Int, file: String, data: String) throws -> [String] {
        guard layout == .fixed, longest > 0 else { return [] }
        var warnings: [String] = []
        for variable in variables {
            if variable.width > longest {
                throw XMLInputError(file: file, line: variable.line, message: "variable \(variable.described): columns "
                    + "\(variable.start)–\(variable.finish) are wider than the longest record in \(data) (\(longest) characters)")
            }
            if variable.start > longest {
                warnings.append("\(file):\(variable.line): variable \(variable.described): columns \(variable.start)–\(variable.finish) "
                    + "lie past the end of every record in \(data) (the longest is \(longest) characters), so it is blank in every row")
            }
        }
        return warnings
    }

    private func checkMultiple(_ variable: TripleSVariable, _ problem: (String) -> XMLInputError) throws {
        if let subfields = variable.subfields {
            guard subfields >= 1 else { throw problem("<spread> needs subfields ≥ 1") }
            guard layout == .csv || variable.width % subfields == 0 else {
                throw problem("\(variable.width) columns do not split into \(subfields) subfields")
            }
            return
        }
        // A bit string: column k says whether code k was chosen.
        let limit = layout == .fixed || variable.width > 1 ? variable.width : Int.max
        for code in variable.codes {
            guard let number = Int(code.code), (1...limit).contains(number) else {
                throw problem("code '\(code.code)' has no column in the bit string (codes must be 1…\(variable.width))")
            }
        }
    }
}
