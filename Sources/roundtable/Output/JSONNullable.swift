/// An optional that is written as an explicit `null`, never left out: every JSON key is always present.
///
/// `JSONEncoder` leaves out a `nil` optional of a synthesised `Encodable`; wrapping the property turns
/// `encodeIfPresent` into `encode`, and this writes `null` for `nil`.
@propertyWrapper
struct JSONNullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
