// copydesk — ArticleModel tests
// The date forms articles print, and what each one means.

import ArticleModel
import Testing

@Suite("DateParser")
struct DateParserTests {
    @Test(
        "ISO 8601 forms keep their precision and offset",
        arguments: [
            ("2017", "2017", DatePrecision.year),
            ("2017-11", "2017-11", .month),
            ("2017-11-07", "2017-11-07", .day),
            ("2017-11-07T10:30:00Z", "2017-11-07T10:30:00Z", .instant),
            ("2025-06-12T14:05:00+01:00", "2025-06-12T14:05:00+01:00", .instant),
            ("2025-06-12T14:05+0100", "2025-06-12T14:05:00+01:00", .instant),
            ("2025-06-12 14:05:09.250-05:00", "2025-06-12T14:05:09.250-05:00", .instant),
            ("2025-06-12T14:05:00", "2025-06-12T14:05:00", .instant),
        ])
    func iso(_ text: String, _ expected: String, _ precision: DatePrecision) throws {
        let value = try #require(DateParser.parse(text))
        #expect(value.iso8601 == expected)
        #expect(value.precision == precision)
    }

    @Test(
        "Written English forms",
        arguments: [
            ("7 November 2017", "2017-11-07"),
            ("November 7, 2017", "2017-11-07"),
            ("Nov. 7, 2017", "2017-11-07"),
            ("Tuesday, 7th Nov 2017", "2017-11-07"),
            ("Sept 30, 2024", "2024-09-30"),
            ("November 2017", "2017-11"),
            ("2017/11/07", "2017-11-07"),
            ("Nov 7, 2017 10:30 AM PKT", "2017-11-07T10:30:00+05:00"),
            ("7 November 2017, 9:05 pm GMT", "2017-11-07T21:05:00Z"),
            ("12:15 EST, Jan 3 2020", "2020-01-03T12:15:00-05:00"),
            ("Nov 7, 2017 10:30", "2017-11-07T10:30:00"),
        ])
    func written(_ text: String, _ expected: String) throws {
        #expect(try #require(DateParser.parse(text)).iso8601 == expected)
    }

    @Test(
        "Text that is not a date, or is ambiguous, is not parsed",
        arguments: [
            "", "yesterday", "07/11/2017", "the 7th of never", "2017-13-01", "2017-11-32", "Published in November",
            "25:00 Nov 7 2017", "Read 606 times", "May the best team win 2017",
        ])
    func rejected(_ text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test("Impossible calendar dates are kept so the validator can report them")
    func impossibleDateIsRepresentable() throws {
        let value = try #require(DateParser.parse("2023-02-29"))
        #expect(value.year == 2023 && value.month == 2 && value.day == 29)
    }

    @Test("ArticleDate keeps unparseable text")
    func keepsRawText() {
        let date = ArticleDate(parsing: "  last Tuesday ")
        #expect(date.text == "last Tuesday")
        #expect(date.value == nil)
    }
}
