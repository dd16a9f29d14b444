import Foundation

/// The element and attribute names a roster import acts on.
enum Word: String, CaseIterable {
    case roster, participant, name, email, phone, locale, timeZone, attribute, consent, externalRef, membership
    case id, doNotContact, scope, version, given, at, partner
    case other
}

/// Recognises names by the address libxml2 interned them at: a roster uses a dozen names a
/// million times, and comparing an address is far cheaper than comparing bytes.
struct WordTable {
    private var seen: [(address: UnsafePointer<UInt8>, word: Word)] = []
    private var nativeNamespace: UnsafePointer<UInt8>?
    private static let byBytes = Dictionary(uniqueKeysWithValues: Word.allCases.map { (Array($0.rawValue.utf8), $0) })

    subscript(name: UnsafePointer<UInt8>) -> Word {
        mutating get {
            for entry in seen where entry.address == name { return entry.word }
            let word = Self.byBytes[Array(UnsafeBufferPointer(start: name, count: strlen(name)))] ?? .other
            if seen.count < 64 { seen.append((name, word)) }
            return word
        }
    }

    /// Whether `namespace` is Roundtable's own.
    mutating func isNative(_ namespace: UnsafePointer<UInt8>?) -> Bool {
        guard let namespace else { return false }
        if namespace == nativeNamespace { return true }
        guard String(cString: namespace) == NativeFormat.namespace else { return false }
        nativeNamespace = namespace
        return true
    }
}
