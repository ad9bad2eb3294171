// copydesk — ArticleFormats
// An Encoder that builds a JSONValue directly, so writers skip a round trip through JSON text.

import ArticleModel

// MARK: - JSONValueEncoder

/// Encodes any `Encodable` into a `JSONValue` tree (what `JSONEncoder` followed by a decode into
/// `JSONValue` would give, without the text in between).
enum JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        return root.value
    }
}

/// A node under construction: a finished value, or an object or array still being filled.
/// Children live in stored properties so appending is in place (amortised O(1)); a child that
/// is a finished value (a string, a number: most of them) is kept as the value, without a node.
private final class Slot {
    enum Kind { case empty, value, object, array }

    /// A member of an object or an item of an array.
    enum Child {
        case value(JSONValue)
        case slot(Slot)

        var value: JSONValue {
            switch self {
            case .value(let value): return value
            case .slot(let slot): return slot.value
            }
        }
    }

    var kind = Kind.empty
    var scalar = JSONValue.null
    var fields: [String: Child] = [:]
    var items: [Child] = []

    var value: JSONValue {
        switch kind {
        case .empty: return .object([:])
        case .value: return scalar
        case .object: return .object(fields.mapValues(\.value))
        case .array: return .array(items.map(\.value))
        }
    }

    func set(_ value: JSONValue) {
        kind = .value
        scalar = value
    }

    func makeObject() {
        if kind != .object { kind = .object }
    }

    func makeArray() {
        if kind != .array { kind = .array }
    }

    /// The node for a member that is an object or array (the one already there, if any).
    func child(forKey key: String) -> Slot {
        makeObject()
        if case .slot(let existing) = fields[key] { return existing }
        let slot = Slot()
        fields[key] = .slot(slot)
        return slot
    }

    /// Sets a member to a finished value (replacing what it held).
    func set(_ value: JSONValue, forKey key: String) {
        makeObject()
        fields[key] = .value(value)
    }

    func appendChild() -> Slot {
        makeArray()
        let slot = Slot()
        items.append(.slot(slot))
        return slot
    }

    func append(_ value: JSONValue) {
        makeArray()
        items.append(.value(value))
    }

    var count: Int { items.count }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

/// A coding path made into an array only when asked for (an error message, a custom `encode(to:)`
/// that reads it): a value's encoder keeps its container's path and its own key.
private struct CodingPath {
    var base: [any CodingKey]
    var last: (any CodingKey)?

    var array: [any CodingKey] {
        guard let last else { return base }
        return base + [last]
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let path: CodingPath
    var codingPath: [any CodingKey] { path.array }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(slot: Slot, codingPath: [any CodingKey]) {
        self.slot = slot
        self.path = CodingPath(base: codingPath, last: nil)
    }

    init(slot: Slot, path: CodingPath) {
        self.slot = slot
        self.path = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.makeObject()
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: path.array))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.makeArray()
        return UnkeyedSlotContainer(slot: slot, codingPath: path.array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, path: path)
    }
}

/// Primitive values as JSON values; `nil` for types that encode themselves. The type is compared
/// first (a pointer comparison), so a struct that encodes itself costs no failed dynamic casts.
private func primitive<T: Encodable>(_ value: T) -> JSONValue? {
    if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
    if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
    if T.self == Int.self { return .number(Double(unsafeBitCast(value, to: Int.self))) }
    if T.self == Double.self { return .number(unsafeBitCast(value, to: Double.self)) }
    if T.self == Int64.self { return .number(Double(unsafeBitCast(value, to: Int64.self))) }
    if T.self == Float.self { return .number(Double(unsafeBitCast(value, to: Float.self))) }
    if T.self == UInt.self { return .number(Double(unsafeBitCast(value, to: UInt.self))) }
    if T.self == Int32.self { return .number(Double(unsafeBitCast(value, to: Int32.self))) }
    return nil
}

private enum SlotWriting {
    /// A value written as it is: a primitive or a `JSONValue`; `nil` for types that encode themselves.
    static func finished<T: Encodable>(_ value: T) -> JSONValue? {
        primitive(value) ?? (T.self == JSONValue.self ? unsafeBitCast(value, to: JSONValue.self) : nil)
    }

    /// Writes a value into a slot: primitives directly, anything else through its own `encode(to:)`.
    static func write<T: Encodable>(_ value: T, into slot: Slot, path: CodingPath) throws {
        if let finished = finished(value) {
            slot.set(finished)
        } else {
            try value.encode(to: SlotEncoder(slot: slot, path: path))
        }
    }
}

// The containers take strings, flags and the common numbers directly (the protocols' own
// requirements for them), so the article's many text fields skip the generic path and its casts.

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.set(.null, forKey: key.stringValue) }

    mutating func encode(_ value: String, forKey key: Key) throws {
        slot.set(.string(value), forKey: key.stringValue)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        slot.set(.bool(value), forKey: key.stringValue)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        slot.set(.number(Double(value)), forKey: key.stringValue)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        slot.set(.number(value), forKey: key.stringValue)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let finished = SlotWriting.finished(value) {
            slot.set(finished, forKey: key.stringValue)
        } else {
            try value.encode(
                to: SlotEncoder(
                    slot: slot.child(forKey: key.stringValue), path: CodingPath(base: codingPath, last: key)))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = slot.child(forKey: key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedSlotContainer<NestedKey>(slot: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = slot.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedSlotContainer(slot: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.child(forKey: key.stringValue), path: CodingPath(base: codingPath, last: key))
    }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.count }

    mutating func encodeNil() throws { slot.append(.null) }

    mutating func encode(_ value: String) throws { slot.append(.string(value)) }

    mutating func encode(_ value: Bool) throws { slot.append(.bool(value)) }

    mutating func encode(_ value: Int) throws { slot.append(.number(Double(value))) }

    mutating func encode(_ value: Double) throws { slot.append(.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let finished = SlotWriting.finished(value) {
            slot.append(finished)
            return
        }
        let index = count
        try value.encode(
            to: SlotEncoder(slot: slot.appendChild(), path: CodingPath(base: codingPath, last: IndexKey(index))))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = slot.appendChild()
        child.makeObject()
        return KeyedEncodingContainer(KeyedSlotContainer<NestedKey>(slot: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = slot.appendChild()
        child.makeArray()
        return UnkeyedSlotContainer(slot: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: slot.appendChild(), codingPath: codingPath)
    }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    let path: CodingPath
    var codingPath: [any CodingKey] { path.array }

    mutating func encodeNil() throws { slot.set(.null) }

    mutating func encode(_ value: String) throws { slot.set(.string(value)) }

    mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }

    mutating func encode(_ value: Int) throws { slot.set(.number(Double(value))) }

    mutating func encode(_ value: Double) throws { slot.set(.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try SlotWriting.write(value, into: slot, path: path)
    }
}
