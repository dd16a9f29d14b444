import Foundation

/// A row counter on stderr for long work, shown only when stderr is a terminal.
final class Progress {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var count = 0
    private var lastShown = Date.distantPast

    init(label: String) {
        self.label = label
    }

    func step() {
        count += 1
        guard enabled, count % 1000 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = now
        FileHandle.standardError.write(Data("\r\(label): \(count) rows".utf8))
    }

    func finish() {
        guard enabled, count >= 1000 else { return }
        FileHandle.standardError.write(Data("\r\(label): \(count) rows\n".utf8))
    }
}
