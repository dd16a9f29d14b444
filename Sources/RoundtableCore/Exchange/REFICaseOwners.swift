import Foundation

extension REFICaseLinks {
    /// Which cases refer to each selection, found once for a whole project. A million turns'
    /// references held as GUID strings in a dictionary took ~130 MB; here each is a 16-byte UUID
    /// and a case index in one sorted array (24 bytes), searched by halving.
    public struct Owners: Sendable {
        struct Entry: Sendable {
            var high: UInt64
            var low: UInt64
            var owner: Int32

            func precedes(_ other: Entry) -> Bool {
                high != other.high ? high < other.high : low != other.low ? low < other.low : owner < other.owner
            }
        }

        private var entries: [Entry] = []
        /// References that are not UUIDs (a project read leniently never has them; callers may).
        private var other: [String: Set<Int>] = [:]
        private var sorted = true

        /// No owners yet.
        public init() {}

        /// The owners of every selection the cases refer to by `selectionGUIDs`.
        public init(_ cases: [REFIImportCase]) {
            for (index, person) in cases.enumerated() {
                for guid in person.selectionGUIDs { add(guid, owner: index) }
            }
            seal()
        }

        /// Whether no case refers to any selection.
        public var isEmpty: Bool { entries.isEmpty && other.isEmpty }

        /// How many references were added (a case referring twice to one selection counts once after `seal`).
        public var count: Int { entries.count + other.values.reduce(0) { $0 + $1.count } }

        /// Records that case `owner` refers to the selection `guid` (any case, with or without braces).
        public mutating func add(_ guid: String, owner: Int) {
            guard let key = Self.key(guid) else {
                other[guid, default: []].insert(owner)
                return
            }
            entries.append(Entry(high: key.high, low: key.low, owner: Int32(truncatingIfNeeded: owner)))
            sorted = false
        }

        /// Forgets the references of the cases from `owner` on (a case dropped after its references were read).
        public mutating func removeOwners(from owner: Int) {
            let kept = Int32(truncatingIfNeeded: owner)
            entries.removeAll { $0.owner >= kept }
            for key in other.keys { other[key] = other[key]!.filter { $0 < owner } }
            other = other.filter { !$0.value.isEmpty }
        }

        /// Sorts the references for look-up; done before the first `cases(of:)`, and again after any `add`.
        public mutating func seal() {
            guard !sorted else { return }
            entries.sort { $0.precedes($1) }
            var unique = 0
            for entry in entries where unique == 0 || entries[unique - 1].precedes(entry) {
                entries[unique] = entry
                unique += 1
            }
            entries.removeLast(entries.count - unique)
            sorted = true
        }

        /// The cases, ascending, that refer to the selection `guid` (empty for none). Needs `seal()` after the last `add`.
        public func cases(of guid: String) -> [Int] {
            guard let key = Self.key(guid) else { return other[guid].map { $0.sorted() } ?? [] }
            precondition(sorted, "REFICaseLinks.Owners: seal() after add")
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                let entry = entries[middle]
                if entry.high < key.high || (entry.high == key.high && entry.low < key.low) { low = middle + 1 } else { high = middle }
            }
            var found: [Int] = []
            while low < entries.count, entries[low].high == key.high, entries[low].low == key.low {
                found.append(Int(entries[low].owner))
                low += 1
            }
            return found
        }

        /// `text` as a UUID's two halves, or nil when it is not one (braces and either case accepted).
        static func key(_ text: String) -> (high: UInt64, low: UInt64)? {
            var body = Substring(text)
            if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
            if body.first?.isWhitespace == true || body.last?.isWhitespace == true {
                body = Substring(UnicodeText.trimmed(String(body)))
                if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
            }
            if let key = parse(body.utf8) { return key }
            // What the strict parse refuses, Foundation's sscanf may still take ("+…", "0x…"): asked
            // only then, so every spelling it accepted still is, and valid UUIDs never pay for it.
            guard let uuid = UUID(uuidString: String(body)) else { return nil }
            return withUnsafeBytes(of: uuid.uuid) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
        }

        /// The 32 hex digits of `8-4-4-4-12` (either case) as the UUID's two halves, the values `key`
        /// loads from `UUID.uuid`'s bytes; nil for anything else. By hand: `UUID(uuidString:)`'s
        /// sscanf cost ~2 % of an import.
        static func parse(_ utf8: Substring.UTF8View) -> (high: UInt64, low: UInt64)? {
            guard utf8.count == 36 else { return nil }
            var halves: (UInt64, UInt64) = (0, 0)
            var digits = 0
            for (position, byte) in utf8.enumerated() {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                let value: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                if digits < 16 { halves.0 = halves.0 << 4 | UInt64(value) } else { halves.1 = halves.1 << 4 | UInt64(value) }
                digits += 1
            }
            // The digits are the bytes in order, most significant first; `load` reads them in the machine's order.
            return (UInt64(bigEndian: halves.0), UInt64(bigEndian: halves.1))
        }
    }
}
