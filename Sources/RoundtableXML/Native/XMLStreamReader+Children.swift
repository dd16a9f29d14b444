import Foundation

extension XMLStreamReader {
    /// Walks the children of the element just started, up to and including its end tag. Children
    /// from other namespaces are skipped with a warning; `handle` gets each native child's name and
    /// returns false for one it does not know, which is skipped with a warning ending in `context`.
    func readChildren(warnings: inout WarningLog, context: String = "", _ handle: (String) throws -> Bool) throws {
        if isEmptyElement { return }
        while let node = try next() {
            guard case .start(let name) = node else {
                if case .end = node { return }
                continue
            }
            guard isNativeNamespace else {
                warnings.skip(self, what: "<\(name)> from another namespace")
                try skipElement()
                continue
            }
            if try !handle(name) {
                warnings.skip(self, what: "unknown element <\(name)>\(context)")
                try skipElement()
            }
        }
    }
}
