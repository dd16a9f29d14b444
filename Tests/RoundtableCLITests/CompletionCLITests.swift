import Foundation
import Testing

@Suite("Shell completion scripts")
struct CompletionCLITests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func eachShellGetsAScriptNamingTheSubcommands(shell: String) throws {
        let cli = try CLI()
        let result = try cli.run("--generate-completion-script", shell)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for word in ["roundtable", "transcript", "import", "demo", "report"] {
            #expect(result.stdout.contains(word), "the \(shell) script mentions \(word)")
        }
    }

    @Test func bashRegistersTheCompletionAndCompletesSubcommands() throws {
        let cli = try CLI()
        let script = try cli.run("--generate-completion-script", "bash")
        #expect(script.status == 0)
        let file = cli.folder.appendingPathComponent("roundtable.bash")
        try script.stdout.write(to: file, atomically: true, encoding: .utf8)
        // What bash does on Tab after `roundtable tr`: call the registered function, read COMPREPLY.
        let probe = """
            source "\(file.path)"
            complete -p roundtable
            COMP_WORDS=(roundtable tr); COMP_CWORD=1; COMP_LINE='roundtable tr'; COMP_POINT=${#COMP_LINE}
            function=$(complete -p roundtable | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')
            "$function" roundtable tr roundtable
            printf 'reply: %s\\n' "${COMPREPLY[@]}"
            """
        let bash = try Self.bash(probe)
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout == "complete -o filenames -F _roundtable roundtable\nreply: transcript\n")
    }

    private static func bash(_ script: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        // The script may run `roundtable` to complete values: the one just built.
        process.environment = ["PATH": CLI.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return try CLI.Running(process: process, out: out, err: err).finish(within: 60)
    }
}
