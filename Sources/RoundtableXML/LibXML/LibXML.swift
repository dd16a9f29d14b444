internal import CLibXML2

/// Facts about the libxml2 library Roundtable runs on.
public enum LibXML {
    /// The libxml2 version in use at run time, such as `2.9.14`.
    public static var runtimeVersion: String {
        guard let number = Int(String(cString: roundtable_xmlParserVersion())) else {
            return "unknown"
        }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
