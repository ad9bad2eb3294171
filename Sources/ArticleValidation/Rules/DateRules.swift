// copydesk — ArticleValidation
// Rules about the article's dates: present, readable, real, in order, zoned, and consistent.

import ArticleModel

// MARK: - date.published-missing

/// Every article needs a publication date.
package struct DatePublishedMissingRule: Rule {
    package init() {}
    package var id: String { "date.published-missing" }
    package var summary: String { "The article has no publication date." }
    package var documentation: String {
        """
        The article has no publication date. Feeds sort by it, archives file by it, and readers \
        need to know how old the news is. A date copydesk cannot read is reported by \
        date.unparseable instead.

        Fix: add the date in ISO 8601 (`2017-11-07T10:30:00+05:00`) or a written form \
        (`7 November 2017`): a `Published:` line in plain text, `date:` in front matter.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard article.published == nil else { return [] }
        return [
            finding(
                "publication date is missing: add one in ISO 8601 (2017-11-07) or a written form (7 November 2017)",
                at: nil, context: context)
        ]
    }
}

// MARK: - date.unparseable

/// A publication or modification date must be one copydesk can read.
package struct DateUnparseableRule: Rule {
    package init() {}
    package var id: String { "date.unparseable" }
    package var summary: String { "A publication or modification date is not a date copydesk can read." }
    package var documentation: String {
        """
        Readers keep a date they cannot understand as printed, so it is reported here rather than \
        lost. `07/11/2017` is refused on purpose: day and month could be either way round.

        Fix: write the date in ISO 8601 (`2017-11-07`) or with the month in words (`7 November 2017`).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, date) in [("publication", article.published), ("modification", article.modified)] {
            guard let date, date.value == nil else { continue }
            let ambiguous =
                date.text.split(separator: "/").count == 3 && date.text.allSatisfy { $0.isNumber || $0 == "/" }
            let why = ambiguous ? " (day and month could be either way round)" : ""
            found.append(
                finding(
                    "\(name) date '\(date.text)' is not a date copydesk can read\(why): write it in ISO 8601 "
                        + "(2017-11-07) or with the month in words (7 November 2017)",
                    at: date.location, context: context, excerpt: date.location == nil ? nil : date.text))
        }
        return found
    }
}

// MARK: - date.invalid

/// A date must exist in the calendar: 2023-02-29 does not.
package struct DateInvalidRule: Rule {
    package init() {}
    package var id: String { "date.invalid" }
    package var summary: String { "A date does not exist in the calendar (2023-02-29) or is implausible (year 1)." }
    package var documentation: String {
        """
        The publication or modification date parses but names a day that does not exist \
        (`2023-02-29`, `31 April`), a time past 24:00, or a year before `earliest-year` \
        (`0001-01-01T00:00:00Z`, the zero value of many systems, is a missing date written as one).

        Fix: check the day and month; give the real date, or none.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }
    /// The earliest plausible year of a news article's date.
    package static let earliestYear = Setting<Int>(
        "earliest-year", default: 1800, "the earliest plausible year of a publication or modification date")
    package var settings: [RuleSetting] { [Self.earliestYear.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let earliest = context.settings[Self.earliestYear]
        for (name, date) in [("publication", article.published), ("modification", article.modified)] {
            guard let date, let value = date.value else { continue }
            if value.calendarProblem == nil, value.year < earliest {
                found.append(
                    finding(
                        "\(name) date '\(date.text)' is not a plausible date (the year \(value.year) is before "
                            + "\(earliest)): give the real date, or none",
                        at: date.location, context: context, excerpt: date.location == nil ? nil : date.text))
                continue
            }
            guard let problem = value.calendarProblem else { continue }
            found.append(
                finding(
                    "\(name) date '\(date.text)' does not exist: \(problem); check the day and month",
                    at: date.location, context: context, excerpt: date.location == nil ? nil : date.text))
        }
        return found
    }
}

// MARK: - date.future

/// A publication date after the run's clock.
package struct DateFutureRule: Rule {
    package init() {}
    package var id: String { "date.future" }
    package var summary: String { "The publication date is in the future." }
    package var documentation: String {
        """
        The publication date is certainly after the time of the run: a typo in the year, or an \
        embargoed story published early. The time of the run is the clock, or `--now` \
        (`--now 2025-06-12T09:00:00Z`) so a CI job gives the same answer every day. A date \
        without a time counts as the whole day, a time without a zone as any zone on Earth, \
        so only dates certainly in the future are reported; `tolerance-minutes` allows for clocks \
        that run a little apart.

        Fix: correct the date, or hold the story until then.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// How far ahead of the clock a date may be.
    package static let toleranceMinutes = Setting<Int>(
        "tolerance-minutes", default: 5, "how far ahead of the clock a date may be")
    package var settings: [RuleSetting] { [Self.toleranceMinutes.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let now = context.now?.utcSpan, let date = article.published, let span = date.value?.utcSpan
        else { return [] }
        let tolerance = context.settings[Self.toleranceMinutes] * 60
        guard span.lowerBound > now.upperBound + tolerance else { return [] }
        return [
            finding(
                "publication date '\(date.text)' is in the future (the run's time is \(context.now!.iso8601)): "
                    + "correct the date, or use --now to check as of another time",
                at: date.location, context: context, excerpt: date.location == nil ? nil : date.text)
        ]
    }
}

// MARK: - date.modified-before-published

/// A modification date before the publication date.
package struct DateModifiedBeforePublishedRule: Rule {
    package init() {}
    package var id: String { "date.modified-before-published" }
    package var summary: String { "The modification date is before the publication date." }
    package var documentation: String {
        """
        An article cannot be updated before it was published: the two dates are swapped, or one \
        has the wrong year. Only a modification certainly before the publication is reported (a \
        date without a time counts as the whole day).

        Fix: check both dates.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let published = article.published, let modified = article.modified,
            let publishedSpan = published.value?.utcSpan, let modifiedSpan = modified.value?.utcSpan,
            modifiedSpan.upperBound < publishedSpan.lowerBound
        else { return [] }
        return [
            finding(
                "modification date '\(modified.text)' is before the publication date '\(published.text)': "
                    + "check both dates", at: modified.location ?? published.location, context: context,
                excerpt: modified.location == nil ? nil : modified.text)
        ]
    }
}

// MARK: - date.no-timezone

/// A time of day without a time zone.
package struct DateNoTimeZoneRule: Rule {
    package init() {}
    package var id: String { "date.no-timezone" }
    package var summary: String { "A publication or modification time has no time zone." }
    package var documentation: String {
        """
        A time without a zone (`2017-11-07T10:30:00`, `10:30 AM`) means a different instant in \
        every time zone: feeds sort it wrongly and NewsML-G2 consumers may read it as UTC. A date \
        without a time is fine.

        Fix: add the offset or zone (`2017-11-07T10:30:00+05:00`, `10:30 AM PKT`).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, date) in [("publication", article.published), ("modification", article.modified)] {
            guard let date, let value = date.value, value.precision == .instant, !value.hasTimeZone else { continue }
            found.append(
                finding(
                    "\(name) time '\(date.text)' has no time zone: add the offset (+05:00) or zone (PKT)",
                    at: date.location, context: context, excerpt: date.location == nil ? nil : date.text))
        }
        return found
    }
}

// MARK: - date.no-time

/// A publication date without a time of day, for consumers that need an instant.
package struct DateNoTimeRule: Rule {
    package init() {}
    package var id: String { "date.no-time" }
    package var summary: String { "The publication date has no time of day." }
    package var documentation: String {
        """
        The publication date is a day (`3 March 2025`) with no time. Fine for most pages, but \
        NewsML-G2's `firstCreated` and `versionCreated` are instants: copydesk's writer then \
        writes midnight UTC, which a syndication partner reads as the time of release. Off by \
        default; the `newsml-syndication` profile makes it an error.

        Fix: give the time and zone (`2025-03-03T21:30:00+00:00`, `3 March 2025, 9.30pm GMT`).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    package var defaultLevel: RuleLevel { .off }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let date = article.published, let value = date.value, value.precision != .instant else { return [] }
        return [
            finding(
                "publication date '\(date.text)' has no time of day: add the time and zone (21:30 +00:00)",
                at: date.location, context: context, excerpt: date.location == nil ? nil : date.text)
        ]
    }
}

// MARK: - date.dateline-mismatch

/// A dateline date far from the publication date.
package struct DatelineMismatchRule: Rule {
    package init() {}
    package var id: String { "date.dateline-mismatch" }
    package var summary: String { "The dateline's date disagrees with the publication date." }
    package var documentation: String {
        """
        A wire dateline (`TEHRAN, Nov 7 (Reuters) —`) dates the story; a publication date more \
        than `max-days` days away from it usually means the wrong year or a stale dateline. The \
        dateline's year is taken from the publication date (and the year either side, at a turn \
        of the year).

        Fix: correct the dateline or the publication date.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// How many days the dateline and publication date may differ.
    package static let maxDays = Setting<Int>(
        "max-days", default: 2, "how many days the dateline and publication date may differ")
    package var settings: [RuleSetting] { [Self.maxDays.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let printed = article.dateline?.date, let published = article.published?.value,
            let publishedSpan = published.utcSpan
        else { return [] }
        let maxDays = context.settings[Self.maxDays]
        var candidates: [DateTimeValue] = []
        if let value = DateParser.parse(printed), value.day != nil {
            candidates = [value]
        } else {
            candidates = [published.year - 1, published.year, published.year + 1].compactMap {
                DateParser.parse("\(printed) \($0)")
            }.filter { $0.day != nil }
        }
        let spans = candidates.compactMap(\.utcSpan)
        guard !spans.isEmpty else { return [] }
        let slack = maxDays * 86_400
        let close = spans.contains {
            $0.upperBound + slack >= publishedSpan.lowerBound && $0.lowerBound - slack <= publishedSpan.upperBound
        }
        guard !close else { return [] }
        return [
            finding(
                "dateline date '\(printed)' is more than \(maxDays) days from the publication date "
                    + "'\(article.published!.text)': correct one of them",
                at: nil, context: context, excerpt: article.dateline!.raw)
        ]
    }
}

// MARK: - date.mention-after-published

/// A date in the body after the publication date, as if the story reported the future.
package struct DateMentionAfterPublishedRule: Rule {
    package init() {}
    package var id: String { "date.mention-after-published" }
    package var summary: String { "The body mentions a date after the publication date." }
    package var documentation: String {
        """
        The text reports a date that falls after the article was published ("On November 9, the \
        council voted…" in a story published on November 7): the year carried over wrongly, or \
        the publication date is wrong. A story may announce a future event, so this is a note by \
        default; the `strict` profile makes it a warning. Dates the text mentions without a \
        year take the year of the publication date (see docs/MODEL.md).

        Not reported: a date its sentence announces, with a future, planning or obligation word \
        in the same sentence ("the vote will be held on June 23", "is scheduled for", "is expected \
        on", "plans to open in May", "until March 3", "next Tuesday, June 2", "by March 25 you \
        must upgrade", "Saturday, January 6 fixtures").

        Fix: check the date in the text and the publication date.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .note }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let published = article.published, let publishedSpan = published.value?.utcSpan else { return [] }
        var found: [Diagnostic] = []
        for mention in article.dateMentions {
            guard let span = mention.value.utcSpan, span.lowerBound > publishedSpan.upperBound else { continue }
            if let index = mention.blockIndex, article.body.indices.contains(index),
                Self.announces(mention.text, in: article.body[index].plainText)
            {
                continue
            }
            found.append(
                finding(
                    "the text mentions '\(mention.text)' (\(mention.value.iso8601)), after the publication date "
                        + "'\(published.text)': check the date", at: mention.location, context: context,
                    excerpt: mention.text))
        }
        return found
    }

    /// Words that announce what is to come: a date in a sentence that holds one of them is
    /// planned, not reported.
    static let futureWords: Set<String> = [
        "will", "shall", "ll", "scheduled", "schedule", "expected", "expects", "due", "set", "plans", "plan",
        "planned", "planning", "upcoming", "next", "until", "till", "deadline", "starting", "begins", "begin",
        "starts", "opens", "postponed", "delayed", "rescheduled", "moved", "intends", "aims", "would", "going",
        "forecast", "projected", "pending", "ahead", "coming", "awaits", "awaiting", "tomorrow", "must", "should",
        "need", "needs", "please", "recommend", "remind", "fixture", "fixtures",
    ]

    /// Whether the sentence that mentions `text` has a future or planning word anywhere in it.
    static func announces(_ text: String, in block: String) -> Bool {
        let characters = Array(block)
        let needle = Array(text)
        guard !needle.isEmpty, needle.count <= characters.count,
            let at = (0...(characters.count - needle.count)).first(where: {
                characters[$0..<($0 + needle.count)].elementsEqual(needle)
            })
        else { return false }
        // The sentence that holds the mention: from the last full stop, question or exclamation
        // mark after a lower-case letter (not an initial or an abbreviation's capital) to the next.
        func ends(_ index: Int) -> Bool {
            ".!?".contains(characters[index]) && index > 0 && characters[index - 1].isLowercase
        }
        var start = at
        while start > 1, !ends(start - 1) { start -= 1 }
        var end = at + needle.count
        while end < characters.count, !ends(end) { end += 1 }
        let words = String(characters[start..<end]).lowercased().split { !$0.isLetter }
        return words.contains { futureWords.contains(String($0)) }
    }
}
