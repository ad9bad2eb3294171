// copydesk — ArticleFormats / YAML support
// The system libyaml's emitter, wrapped once: JSON-like values in, YAML text out.

import ArticleModel
internal import CYAML

// MARK: - YAMLEmitter

/// Writes values as block-style YAML through libyaml, which chooses quoting and escaping, so
/// any text (colons, quotes, leading dashes, `#`, emoji, control characters) round-trips.
///
/// Strings that YAML 1.1 tools would read as another type (`no`, `0777`, `null`, `2025-01-01`)
/// are single-quoted; multi-line strings use the literal style where libyaml allows it.
struct YAMLEmitter {
    /// Keys written first, in this order, in every mapping; the rest follow sorted.
    var keyOrder: [String] = []

    /// One YAML document per value, in one stream.
    func emit(documents: [JSONValue]) throws(FormatError) -> [UInt8] {
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw FormatError(id: "yaml.memory", message: "libyaml could not start an emitter (out of memory)")
        }
        let output = OutputBuffer()
        defer {
            yaml_emitter_delete(emitter)
            emitter.deallocate()
        }
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context, let buffer else { return 0 }
                let output = Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue()
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)

        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event, emitter)
        for document in documents {
            yaml_document_start_event_initialize(&event, nil, nil, nil, 0)
            try emit(&event, emitter)
            try emit(document, emitter)
            yaml_document_end_event_initialize(&event, 1)
            try emit(&event, emitter)
        }
        yaml_stream_end_event_initialize(&event)
        try emit(&event, emitter)
        guard yaml_emitter_flush(emitter) != 0 else { throw problem(emitter) }
        return output.bytes
    }

    private final class OutputBuffer {
        var bytes: [UInt8] = []
    }

    private func emit(
        _ event: inout yaml_event_t, _ emitter: UnsafeMutablePointer<yaml_emitter_t>
    )
        throws(FormatError)
    {
        // The emitter owns the event from here, whether or not it succeeds.
        guard yaml_emitter_emit(emitter, &event) != 0 else { throw problem(emitter) }
    }

    private func problem(_ emitter: UnsafeMutablePointer<yaml_emitter_t>) -> FormatError {
        let text = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        return FormatError(id: "yaml.emit", message: "libyaml could not write the YAML: \(text)")
    }

    private func emit(_ value: JSONValue, _ emitter: UnsafeMutablePointer<yaml_emitter_t>) throws(FormatError) {
        var event = yaml_event_t()
        switch value {
        case .null:
            try scalar("null", style: YAML_PLAIN_SCALAR_STYLE, emitter)
        case .bool(let flag):
            try scalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE, emitter)
        case .number(let number):
            let text = JSONText.format(number)
            try scalar(text, style: YAML_PLAIN_SCALAR_STYLE, emitter)
        case .string(let text):
            try scalar(text, style: Self.style(for: text), emitter)
        case .array(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event, emitter)
            for item in items { try emit(item, emitter) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event, emitter)
        case .object(let fields):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event, emitter)
            for key in fields.keys(orderedBy: keyOrder) {
                try scalar(key, style: Self.style(for: key), emitter)
                try emit(fields[key]!, emitter)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event, emitter)
        }
    }

    private func scalar(
        _ text: String, style: yaml_scalar_style_t, _ emitter: UnsafeMutablePointer<yaml_emitter_t>
    )
        throws(FormatError)
    {
        var event = yaml_event_t()
        // A terminating NUL keeps the buffer non-empty; the length passed excludes it.
        var bytes = Array(text.utf8) + [0]
        let plainImplicit: Int32 = style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE ? 1 : 0
        let initialized = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_scalar_event_initialize(
                &event, nil, nil, buffer.baseAddress, Int32(buffer.count - 1), plainImplicit, 1, style)
        }
        guard initialized != 0 else { throw FormatError(id: "yaml.emit", message: "libyaml refused a scalar") }
        try emit(&event, emitter)
    }

    /// Single quotes for text another YAML reader would take as a non-string; literal style for
    /// multi-line text; otherwise libyaml decides (plain where it is safe).
    static func style(for text: String) -> yaml_scalar_style_t {
        // Control characters, CR and the Unicode line breaks only survive as double-quoted escapes.
        if needsEscapes(text) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        if text.utf8.contains(0x0A) { return YAML_LITERAL_SCALAR_STYLE }
        if looksLikeNonString(text) { return YAML_SINGLE_QUOTED_SCALAR_STYLE }
        return YAML_ANY_SCALAR_STYLE
    }

    /// Whether the text holds a control character other than line feed and tab (C0, DEL, C1), a
    /// Unicode line or paragraph separator, or a BOM: read from the UTF-8 bytes (C1 controls are
    /// C2 80…C2 9F; U+2028 and U+2029 are E2 80 A8 and A9; U+FEFF is EF BB BF).
    static func needsEscapes(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x0A, byte != 0x09 { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
            if beforePrevious == 0xEF, previous == 0xBB, byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The words `looksLikeNonString` reads as other types, lowercase: five bytes at most.
    private static let nonStringWords: Set<String> = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    ]

    /// Null, booleans of YAML 1.1 and 1.2, numbers (with `0777`, `0x1F`, `1_000`, `.5`, `.inf`),
    /// and dates and times.
    static func looksLikeNonString(_ text: String) -> Bool {
        if text.isEmpty { return true }
        // Only a short text can lowercase to one of the words (no non-ASCII capital lowercases to
        // their letters), so a long one is not lowercased.
        if text.utf8.count <= 6, nonStringWords.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        let numberish = "0123456789+-.".unicodeScalars.contains(first)
        return numberish
            && text.unicodeScalars.allSatisfy { "0123456789+-.:_eExXabcdefABCDEFoOtTzZ ".unicodeScalars.contains($0) }
    }
}
