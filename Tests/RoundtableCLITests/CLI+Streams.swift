import Foundation

extension CLI {
    /// Runs the binary with these arguments and waits for it.
    func run(_ arguments: [String]) throws -> Result {
        try start(arguments).finish()
    }

    /// Runs the binary with `input` on its standard input (a pipe), waiting at most `timeout` seconds.
    func run(_ arguments: [String], input: Data, timeout: TimeInterval = 60) throws -> Result {
        // The command may stop reading early (a size cap): the write then fails instead of killing the tests.
        signal(SIGPIPE, SIG_IGN)
        let stdin = Pipe()
        let running = try start(arguments, standardInput: stdin)
        let writer = Background {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let result = try running.finish(within: timeout)
        writer.wait()
        return result
    }

    /// Runs the binary without root's powers, for what root cannot see: permissions. As root it
    /// runs as `nobody` through `setpriv` (util-linux, on every Debian), and fails the test if that
    /// is missing rather than skip; as anyone else it runs as that user.
    func runAsNobody(_ arguments: [String]) throws -> Result {
        guard getuid() == 0 else { return try run(arguments) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw CLIFailure(description: "running as root, the permission tests need /usr/bin/setpriv (util-linux)")
        }
        // A copy nobody may execute, whatever the permissions on the build folder's parents.
        let binary = folder.appendingPathComponent(".roundtable-for-nobody").path
        if !FileManager.default.fileExists(atPath: binary) {
            try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: binary)
            chmod(binary, 0o755)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary] + arguments
        return try launch(process, standardInput: FileHandle.nullDevice).finish(within: 60)
    }

    /// Starts the binary like `start(_:)`, with the given standard input.
    func start(_ arguments: [String], standardInput: Any) throws -> Running {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        return try launch(process, standardInput: standardInput)
    }

    private func launch(_ process: Process, standardInput: Any) throws -> Running {
        process.currentDirectoryURL = folder
        var env = ["PATH": "/usr/bin:/bin", "USER": "tester", "HOME": folder.path]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = standardInput
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// The path of `name` inside the test's folder.
    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }
}

extension CLI.Running {
    /// Waits for the process, killing it and failing if it takes longer than `timeout` seconds
    /// (a command waiting for input that never comes).
    func finish(within timeout: TimeInterval) throws -> CLI.Result {
        let output = Background { (out.fileHandleForReading.readDataToEndOfFile(), err.fileHandleForReading.readDataToEndOfFile()) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw CLIFailure(description: "the command did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let (stdout, stderr) = output.wait()
        return CLI.Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                          status: process.terminationStatus)
    }
}

/// Work on a thread of its own (a FIFO's other end, a pipe's writer), joined with `wait()`.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = body()
            done.signal()
        }
        thread.start()
    }

    /// Waits for the work and returns what it produced.
    @discardableResult
    func wait() -> Value {
        done.wait()
        done.signal()
        guard let value else { preconditionFailure("the background work ended without a value") }
        return value
    }
}

/// Makes a FIFO at `path`.
func makeFIFO(_ path: String) throws {
    // A writer whose reader went away gets EPIPE instead of killing the tests.
    signal(SIGPIPE, SIG_IGN)
    guard mkfifo(path, 0o600) == 0 else { throw CLIFailure(description: "mkfifo \(path): \(String(cString: strerror(errno)))") }
}

/// Reads the FIFO at `path` on a thread of its own until `finished()` says its writer is done and
/// nothing is left. The read end is opened without waiting, so a command that never opens the FIFO
/// (or replaces it) fails the test instead of hanging it.
final class FIFODrain: @unchecked Sendable {
    private let lock = NSLock()
    private var isFinished = false
    private var reader: Background<Data>?

    init(_ path: String) {
        reader = Background { [self] in
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else { return Data() }
            defer { close(fd) }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if got > 0 {
                    data.append(contentsOf: buffer[0..<got])
                } else if got == 0 && lock.withLock({ isFinished }) {
                    return data
                } else {
                    usleep(5_000)
                }
            }
        }
    }

    /// Tells the reader the writer has exited, and returns everything read.
    func finish() -> Data {
        lock.withLock { isFinished = true }
        return reader?.wait() ?? Data()
    }
}

/// Lets a thread blocked opening the FIFO at `path` go on (with an empty stream, or none) when the
/// command failed before opening its end; does nothing when no one is waiting.
func releaseFIFO(_ path: String) {
    for flags in [O_RDONLY | O_NONBLOCK, O_WRONLY | O_NONBLOCK] {
        let fd = open(path, flags)
        if fd >= 0 { close(fd) }
    }
}
