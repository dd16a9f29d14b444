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
    /// A direct-mapped cache by address: a slot holds the last name that landed in it.
    private var slots = [(address: UnsafePointer<UInt8>?, word: Word)](repeating: (nil, .other), count: 128)
    private var nativeNamespace: UnsafePointer<UInt8>?
    private static let byBytes = Dictionary(uniqueKeysWithValues: Word.allCases.map { (Array($0.rawValue.utf8), $0) })

    subscript(name: UnsafePointer<UInt8>) -> Word {
        mutating get {
            let slot = Int(bitPattern: UInt(bitPattern: name) >> 3) & 127
            if slots[slot].address == name { return slots[slot].word }
            let word = Self.byBytes[Array(UnsafeBufferPointer(start: name, count: strlen(name)))] ?? .other
            slots[slot] = (name, word)
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
