// copydesk — ArticleModel
// Understands the date forms articles print: ISO 8601 and common English forms.

// MARK: - DateParser

/// Parses printed dates. Returns `nil` rather than guessing: ambiguous numeric forms
/// (`07/11/2017`) and text with words that are not part of a date are not dates.
public enum DateParser {
    /// Parses ISO 8601 (`2017`, `2017-11`, `2017-11-07`, `2017-11-07T10:30:00.5+05:00`, a space
    /// instead of `T`) or English forms (`7 November 2017`, `Nov. 7, 2017`, `Tuesday, November 7,
    /// 2017 10:30 AM PKT`, `November 2017`, `2017/11/07`), else RFC 822 as feeds and mail print it
    /// (`Tue, 10 Jun 03 04:00:00 UT`: see `parseRFC822`).
    public static func parse(_ text: String) -> DateTimeValue? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 80 else { return nil }
        if let iso = parseISO8601(trimmed) ?? parseBasicISO8601(trimmed) { return iso }
        return parseWritten(trimmed) ?? parseRFC822(trimmed)
    }

    /// ISO 8601's basic format, as NewsML 1 and NITF write dates: `20240710`, `20240710T125902Z`,
    /// `20170102T222800+0000`.
    static func parseBasicISO8601(_ text: String) -> DateTimeValue? {
        let scalars = Array(text.unicodeScalars)
        let isDigit = { (index: Int) in index < scalars.count && ("0"..."9").contains(scalars[index]) }
        guard scalars.count >= 8, (0..<8).allSatisfy(isDigit), !isDigit(8) else { return nil }
        let digits = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
        var extended = digits(0..<4) + "-" + digits(4..<6) + "-" + digits(6..<8)
        if scalars.count > 8 {
            guard scalars[8] == "T", (9..<13).allSatisfy(isDigit) else { return nil }
            extended += "T" + digits(9..<11) + ":" + digits(11..<13)
            var index = 13
            if isDigit(13), isDigit(14) {
                extended += ":" + digits(13..<15)
                index = 15
            }
            extended += digits(index..<scalars.count)
        }
        return parseISO8601(extended)
    }

    // MARK: ISO 8601

    /// Parses the ISO 8601 profile copydesk writes and the common variants readers meet.
    public static func parseISO8601(_ text: String) -> DateTimeValue? {
        var scanner = Scanner(Array(text.unicodeScalars))
        guard let year = scanner.digits(exactly: 4) else { return nil }
        guard !scanner.atEnd else { return DateTimeValue(year: year) }
        guard scanner.take("-"), let month = scanner.digits(exactly: 2), (1...12).contains(month) else {
            return nil
        }
        guard !scanner.atEnd else { return DateTimeValue(year: year, month: month) }
        guard scanner.take("-"), let day = scanner.digits(exactly: 2), (1...31).contains(day) else { return nil }
        guard !scanner.atEnd else { return DateTimeValue(year: year, month: month, day: day) }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { return nil }
        guard let hour = scanner.digits(exactly: 2), hour <= 24, scanner.take(":"),
            let minute = scanner.digits(exactly: 2), minute <= 59
        else { return nil }
        var second: Int?
        var fraction: String?
        if scanner.take(":") {
            guard let value = scanner.digits(exactly: 2), value <= 60 else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard let digits = scanner.digitString(), !digits.isEmpty else { return nil }
                fraction = digits
            }
        }
        _ = scanner.take(" ")
        var offset: Int?
        if !scanner.atEnd {
            guard let parsed = scanner.utcOffset(), scanner.atEnd else { return nil }
            offset = parsed
        }
        return DateTimeValue(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            fraction: fraction, utcOffsetMinutes: offset)
    }

    // MARK: Written forms

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case time(hour: Int, minute: Int, second: Int?)
        case offset(Int)
        case slashDate(Int, Int, Int)
    }

    private static func parseWritten(_ text: String) -> DateTimeValue? {
        guard let tokens = tokenize(text) else { return nil }
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (hour: Int, minute: Int, second: Int?)?
        var offset: Int?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .slashDate(let first, let second, let third):
                // Only the unambiguous year-first form.
                guard first > 999, (1...12).contains(second), (1...31).contains(third), year == nil else { return nil }
                year = first
                month = second
                day = third
            case .number(let value, let digits):
                if digits == 4 {
                    guard year == nil else { return nil }
                    year = value
                } else if digits <= 2, (1...31).contains(value), day == nil {
                    day = value
                } else {
                    return nil
                }
            case .time(let hour, let minute, let second):
                guard time == nil else { return nil }
                var adjusted = hour
                if index < tokens.count, case .word(let meridiem) = tokens[index], meridiem == "am" || meridiem == "pm"
                {
                    index += 1
                    guard (1...12).contains(hour) else { return nil }
                    if meridiem == "am" {
                        adjusted = hour == 12 ? 0 : hour
                    } else {
                        adjusted = hour == 12 ? 12 : hour + 12
                    }
                }
                time = (adjusted, minute, second)
            case .offset(let minutes):
                offset = (offset ?? 0) + minutes
            case .word(let word):
                if let value = Lexicon.monthNumbers[word] {
                    guard month == nil else { return nil }
                    month = value
                } else if let zone = zoneOffsets[word] {
                    offset = zone
                } else if ignorableWords.contains(word) {
                    continue
                } else {
                    return nil
                }
            }
        }
        guard let year, let month else { return nil }
        return DateTimeValue(
            year: year, month: month, day: day, hour: time?.hour, minute: time?.minute,
            second: time?.second, utcOffsetMinutes: time == nil ? nil : offset)
    }

    private static func tokenize(_ text: String) -> [Token]? {
        let scalars = Array(text.lowercased().unicodeScalars)
        var tokens: [Token] = []
        var scanner = Scanner(scalars)
        while !scanner.atEnd {
            let scalar = scanner.peek!
            if scalar.properties.numericType != nil, let digits = scanner.digitString() {
                let value = Int(digits) ?? 0
                if scanner.peek == ":" {
                    scanner.advance()
                    guard let minute = scanner.digits(exactly: 2), value <= 24, minute <= 59 else { return nil }
                    var second: Int?
                    if scanner.peek == ":" {
                        scanner.advance()
                        guard let parsed = scanner.digits(exactly: 2) else { return nil }
                        second = parsed
                    }
                    tokens.append(.time(hour: value, minute: minute, second: second))
                } else if scanner.peek == "/" {
                    scanner.advance()
                    guard let second = scanner.digitString(), scanner.take("/"), let third = scanner.digitString()
                    else {
                        return nil
                    }
                    tokens.append(.slashDate(value, Int(second) ?? 0, Int(third) ?? 0))
                } else {
                    tokens.append(.number(value, digits: digits.count))
                    // Ordinal suffixes: 7th, 1st, 2nd, 3rd.
                    for suffix in ["st", "nd", "rd", "th"] where scanner.takeWord(suffix) { break }
                }
            } else if scalar.properties.isAlphabetic {
                var word = String.UnicodeScalarView()
                while let next = scanner.peek, next.properties.isAlphabetic || next == "." {
                    if next != "." { word.append(next) }
                    scanner.advance()
                }
                let text = String(word)
                tokens.append(.word(text))
                if zoneOffsets[text] != nil, let next = scanner.peek, next == "+" || next == "-" {
                    guard let minutes = scanner.utcOffset() else { return nil }
                    tokens.append(.offset(minutes))
                }
            } else if scalar == "-", tokens.isEmpty || scanner.previousIsWhitespace,
                let next = scanner.peekAfter, ("0"..."9").contains(next),
                !tokens.contains(where: { if case .time = $0 { return true } else { return false } })
            {
                // A negative number (`Nov -0001`, as WordPress dates an unpublished post) is no
                // part of a date.
                return nil
            } else if scalar == "+"
                || (scalar == "-"
                    && tokens.contains(where: { if case .time = $0 { return true } else { return false } }))
            {
                guard let minutes = scanner.utcOffset() else { return nil }
                tokens.append(.offset(minutes))
            } else if scalar == "," || scalar == "-" || scalar == "(" || scalar == ")" || scalar == "|"
                || scalar.properties.isWhitespace
            {
                scanner.advance()
            } else {
                return nil
            }
        }
        return tokens
    }

    /// Zone abbreviations with one widely used meaning. Ambiguous ones (IST, CST in Asia) are
    /// read with their most common newsroom meaning and documented in docs/MODEL.md.
    static let zoneOffsets: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
        "msk": 180, "pkt": 300, "ist": 330, "jst": 540, "kst": 540, "aest": 600, "aedt": 660,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "sgt": 480, "hkt": 480, "wib": 420, "sast": 120, "cat": 120, "eat": 180,
        "wat": 60, "nzst": 720, "nzdt": 780,
    ]

    static let ignorableWords: Set<String> = [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun", "on", "at", "the", "of", "am", "pm", "t",
    ]
}

// MARK: - A small scanner over Unicode scalars

struct Scanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { position >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
    /// The scalar after the next one.
    var peekAfter: Unicode.Scalar? { position + 1 < scalars.count ? scalars[position + 1] : nil }
    /// Whether the scalar before the next one is white space.
    var previousIsWhitespace: Bool { position > 0 && scalars[position - 1].properties.isWhitespace }
    mutating func advance() { position += 1 }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        position += 1
        return true
    }

    /// Consumes `word` when it stands here and no letter follows it.
    mutating func takeWord(_ word: String) -> Bool {
        let wanted = Array(word.unicodeScalars)
        guard position + wanted.count <= scalars.count,
            Array(scalars[position..<position + wanted.count]) == wanted
        else { return false }
        let after = position + wanted.count
        if after < scalars.count, scalars[after].properties.isAlphabetic { return false }
        position = after
        return true
    }

    mutating func digitString() -> String? {
        var digits = ""
        while let scalar = peek, ("0"..."9").contains(scalar) {
            digits.unicodeScalars.append(scalar)
            position += 1
        }
        return digits.isEmpty ? nil : digits
    }

    mutating func digits(exactly count: Int) -> Int? {
        let start = position
        guard let digits = digitString(), digits.count == count else {
            position = start
            return nil
        }
        return Int(digits)
    }

    /// `Z`, `+05:00`, `+0500`, `+05`, `-3`.
    mutating func utcOffset() -> Int? {
        if take("Z") || take("z") { return 0 }
        let sign: Int
        if take("+") {
            sign = 1
        } else if take("-") || take("\u{2212}") {
            sign = -1
        } else {
            return nil
        }
        guard let digits = digitString(), digits.count <= 4 else { return nil }
        var hours: Int
        var minutes = 0
        if digits.count == 4 {
            hours = Int(digits.prefix(2)) ?? 0
            minutes = Int(digits.suffix(2)) ?? 0
        } else {
            hours = Int(digits) ?? 0
            if take(":") {
                guard let parsed = self.digits(exactly: 2) else { return nil }
                minutes = parsed
            }
        }
        guard hours <= 14, minutes < 60 else { return nil }
        hours = hours * 60 + minutes
        return sign * hours
    }
}
