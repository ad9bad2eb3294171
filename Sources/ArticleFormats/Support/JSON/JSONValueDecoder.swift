// copydesk — ArticleFormats
// Decodes model values straight from `JSONValue` trees: the reverse of `JSONValueEncoder`.

import ArticleModel

// MARK: - JSONValueDecoder

/// A `Decoder` over an already parsed `JSONValue`, so reading canonical JSON does not serialise the
/// tree to text and parse it again with Foundation's `JSONDecoder` (that round trip was a quarter
/// of the time spent reading JSON and NDJSON).
///
/// It throws the `DecodingError`s `JSONDecoder` throws, with the same coding paths, so the
/// messages built from them (`bylines[0].kind: …`) are unchanged: `typeMismatch` for a value of
/// the wrong kind, `valueNotFound` for a `null` where a value is required, `keyNotFound` for a
/// missing key, `dataCorrupted` for a number that does not fit the integer type asked for.
enum JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

/// A coding-path entry for an array position (`[3]`).
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String

    init(index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// A coding-path entry for a key that the model does not declare (`super`).
private struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// What a JSON value is, as `JSONDecoder`'s messages name it.
private func kind(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "bool"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "dictionary"
    }
}

/// A value of a primitive type read from a JSON value, with `JSONDecoder`'s errors.
private func primitive<T>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
    if case .null = value {
        throw DecodingError.valueNotFound(
            type,
            .init(codingPath: path, debugDescription: "Cannot get value of type \(T.self) -- found null value instead"))
    }
    func mismatch() -> DecodingError {
        .typeMismatch(
            type,
            .init(codingPath: path, debugDescription: "Expected to decode \(T.self) but found \(kind(value)) instead."))
    }
    switch (T.self, value) {
    case (is String.Type, .string(let text)): return text as! T
    case (is Bool.Type, .bool(let flag)): return flag as! T
    case (is Double.Type, .number(let number)): return number as! T
    case (is Float.Type, .number(let number)): return Float(number) as! T
    case (_, .number(let number)):
        guard let integer = integer(type, number) else {
            if T.self is any FixedWidthInteger.Type {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: path,
                        debugDescription: "Parsed JSON number <\(JSONText.format(number))> does not fit in \(T.self)."))
            }
            throw mismatch()
        }
        return integer
    default:
        throw mismatch()
    }
}

/// `number` as the integer type `T`, when it is one and fits exactly.
private func integer<T>(_ type: T.Type, _ number: Double) -> T? {
    switch T.self {
    case is Int.Type: return Int(exactly: number) as? T
    case is Int8.Type: return Int8(exactly: number) as? T
    case is Int16.Type: return Int16(exactly: number) as? T
    case is Int32.Type: return Int32(exactly: number) as? T
    case is Int64.Type: return Int64(exactly: number) as? T
    case is UInt.Type: return UInt(exactly: number) as? T
    case is UInt8.Type: return UInt8(exactly: number) as? T
    case is UInt16.Type: return UInt16(exactly: number) as? T
    case is UInt32.Type: return UInt32(exactly: number) as? T
    case is UInt64.Type: return UInt64(exactly: number) as? T
    default: return nil
    }
}

/// Whether `T` is read by `primitive` rather than by its own `init(from:)`.
private func isPrimitive<T>(_ type: T.Type) -> Bool {
    T.self is String.Type || T.self is Bool.Type || T.self is Double.Type || T.self is Float.Type
        || T.self is any FixedWidthInteger.Type
}

/// A value of any decodable type.
private func value<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
    if isPrimitive(type) { return try primitive(type, value, path) }
    return try T(from: ValueDecoder(value: value, codingPath: path))
}

// MARK: - Decoder

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let fields):
            return KeyedDecodingContainer(KeyedContainer<Key>(fields: fields, codingPath: codingPath))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "Cannot get keyed decoding container -- found null value instead"))
        default:
            throw DecodingError.typeMismatch(
                [String: Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "Expected to decode Dictionary<String, Any> but found \(kind(value)) instead."))
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items):
            return UnkeyedContainer(items: items, codingPath: codingPath)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
        default:
            throw DecodingError.typeMismatch(
                [Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription: "Expected to decode Array<Any> but found \(kind(value)) instead."))
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

// MARK: - Containers

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func field(_ key: Key) throws -> JSONValue {
        guard let found = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key,
                .init(
                    codingPath: codingPath,
                    debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return found
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try field(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(type, try field(key), codingPath + [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try primitive(type, try field(key), codingPath + [key])
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try primitive(type, try field(key), codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try field(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try field(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: fields["super"] ?? .null, codingPath: codingPath + [NameKey(stringValue: "super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: fields[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private func next<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: codingPath + [IndexKey(index: currentIndex)],
                    debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try next(Any?.self) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let item = try next(type)
        let decoded = try value(type, item, codingPath + [IndexKey(index: currentIndex)])
        currentIndex += 1
        return decoded
    }

    private mutating func decodePrimitive<T>(_ type: T.Type) throws -> T {
        let item = try next(type)
        let decoded = try primitive(type, item, codingPath + [IndexKey(index: currentIndex)])
        currentIndex += 1
        return decoded
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodePrimitive(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodePrimitive(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodePrimitive(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodePrimitive(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodePrimitive(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodePrimitive(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodePrimitive(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodePrimitive(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodePrimitive(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodePrimitive(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodePrimitive(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodePrimitive(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodePrimitive(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodePrimitive(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let item = try next([String: Any].self)
        let container = try ValueDecoder(value: item, codingPath: codingPath + [IndexKey(index: currentIndex)])
            .container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let item = try next([Any].self)
        let container = try ValueDecoder(value: item, codingPath: codingPath + [IndexKey(index: currentIndex)])
            .unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let item = try next(Any.self)
        let decoder = ValueDecoder(value: item, codingPath: codingPath + [IndexKey(index: currentIndex)])
        currentIndex += 1
        return decoder
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ArticleFormats.value(type, value, codingPath)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try primitive(type, value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try primitive(type, value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try primitive(type, value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try primitive(type, value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try primitive(type, value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try primitive(type, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try primitive(type, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try primitive(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try primitive(type, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try primitive(type, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(type, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(type, value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(type, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(type, value, codingPath) }
}
