import ArgumentParser

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code", abstract: "The codebook and the codings applied with it.",
        subcommands: [CodeAdd.self, CodeList.self, CodeApply.self, CodeUnapply.self, CodeBatches.self, CodeAgreement.self])
}
