/// Path arithmetic on the strings users type, done by hand: Foundation's `NSString` path methods
/// trap on some one-character paths (`x`, `.`, `d/`), and `URL` resolves against the working
/// directory. Only `/` separates; nothing here touches the file system.
public enum PathName {
    /// The folder holding `path`'s last component: "a/b" → "a", "b" → ".", "/b" → "/", "a/b/" → "a".
    public static func folder(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed.isEmpty && path.hasPrefix("/") ? "/" : "." }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The last component of `path`: "a/b.xml" → "b.xml", "a/b/" → "b", "/" → "/", "" → "".
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed.isEmpty { return path.hasPrefix("/") ? "/" : "" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The extension of the last component, without the dot: "a/b.SSS" → "SSS", ".profile" → "", "b" → "".
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// `path` without the extension of its last component: "a/b.sss" → "a/b", "a/.x" → "a/.x".
    public static func deletingExtension(of path: String) -> String {
        let ext = pathExtension(of: path)
        guard !ext.isEmpty else { return path }
        let trimmed = trimmingTrailingSlashes(path)
        return String(trimmed.dropLast(ext.count + 1))
    }

    /// `name` inside `folder`, with exactly one slash between them: ("d/", "x") → "d/x".
    public static func joining(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Whether `path` can only mean a folder: it ends with a slash, or its last component is `.` or `..`.
    public static func namesFolder(_ path: String) -> Bool {
        path.hasSuffix("/") || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..")
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return result == "/" ? "" : String(result)
    }
}
