import Foundation
import RoundtableCore

extension TripleSMetadata {
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
            if layout == .csv && variable.start == 0 {
                variable.start = nextField
                variable.finish = nextField + max((variable.subfields ?? 1) - 1, 0)
            }
            guard variable.start >= 1, variable.finish >= variable.start else {
                throw problem(variable.start == 0 ? "no <position start=…>" : "position finish is before start")
            }
            nextField = variable.finish + 1
            if variable.kind == .multiple { try checkMultiple(variable, problem) }
            variables[index] = variable
        }
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
