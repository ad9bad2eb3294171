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

    @Test(
        "RFC 822 dates as feeds print them, with their real-world variants",
        arguments: [
            ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
            ("Sat, 02 Dec 2017 15:43:50 +0000", "2017-12-02T15:43:50Z"),
            ("Wed, 11 Jun 25 09:15:00 +0100", "2025-06-11T09:15:00+01:00"),
            ("Thu, 01 Jan 98 00:00:00 UT", "1998-01-01T00:00:00Z"),
            ("10 Jun 2003 04:00 EDT", "2003-06-10T04:00:00-04:00"),
            ("Tuesday, 10 June 2003 16:40 EST", "2003-06-10T16:40:00-05:00"),
            ("tue, 10 jun 2003 4:05:06 -0330", "2003-06-10T04:05:06-03:30"),
            ("Mon, 09 Jun 2025 07:00:00 +0000 (UTC)", "2025-06-09T07:00:00Z"),
            ("Tue 10-Jun-2003 04:00:00 +02:00", "2003-06-10T04:00:00+02:00"),
            ("Tue, 10 Jun 2003 04:00:00 GMT+1", "2003-06-10T04:00:00+01:00"),
            ("Tue, 10 Jun 2003 04:00:00.25 Z", "2003-06-10T04:00:00.25Z"),
            ("Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00"),
            ("Sun, 8 Sep 2024", "2024-09-08"),
        ])
    func rfc822(_ text: String, _ expected: String) throws {
        #expect(try #require(DateParser.parseRFC822(text)).iso8601 == expected, "\(text)")
        #expect(try #require(DateParser.parse(text)).iso8601 == expected, "\(text) through parse")
    }

    @Test(
        "What RFC 822 does not allow is not read as it",
        arguments: [
            "Mon, 30 Nov -0001 00:00:00 +0000", "Tue, 32 Jun 2003 04:00:00 GMT", "Tue, 10 Jun 2003 25:00:00 GMT",
            "Tue, 10 Foo 2003 04:00:00 GMT", "Tue, 10 Jun 2003 04:00:00 XYZ", "Someday, 10 Jun 2003 04:00 GMT",
            "10 Jun 12345 04:00 GMT", "10 Jun 2003 04:00 GMT and more",
        ])
    func rfc822Rejected(_ text: String) {
        #expect(DateParser.parseRFC822(text) == nil, "\(text)")
        #expect(DateParser.parse(text) == nil, "\(text) through parse")
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
