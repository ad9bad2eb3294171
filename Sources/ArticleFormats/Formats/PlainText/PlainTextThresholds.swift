// copydesk — ArticleFormats / plain-text reader
// Every threshold the plain-text reader uses, named, with the section of docs/PLAINTEXT.md that explains it.

// MARK: - PlainTextThresholds

/// The numbers behind the plain-text reader's rules, in the order the reader applies them. Each
/// one is named with its value in the section of docs/PLAINTEXT.md that its comment cites, and
/// `PlainTextThresholdsTests` fails when the two disagree. Lengths are in characters unless the
/// name says bytes; words are counted as `Words.split` counts them.
enum PlainTextThresholds {
    // MARK: Decoding — docs/PLAINTEXT.md, “Decoding”

    /// A tab in a line's indentation counts as this many columns, for column numbers and list-item
    /// continuation lines. See docs/PLAINTEXT.md, “Decoding”.
    static let tabWidth = 4

    // MARK: Trailer — docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”

    /// A line that starts like web furniture (`Related …`, `Comments …`) but is longer than this is
    /// text; the comment-form notice (`Make sure you enter…`) is furniture at any length.
    /// See docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”.
    static let maxBoilerplateLength = 160
    /// The longest wire-credits line (`(Reporting by …; Editing by …)`).
    /// See docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”.
    static let maxCreditsLength = 200
    /// How many lines (blank lines included) above the end of the article are searched for a
    /// `Related stories` / `Read more` header. See docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”.
    static let listHeaderWindow = 25
    /// The longest line that is such a header. See docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”.
    static let maxListHeaderLength = 60
    /// The longest line under such a header that is still a link of its list.
    /// See docs/PLAINTEXT.md, “Trailer: web boilerplate at the end”.
    static let maxListLinkLength = 150

    // MARK: Leader — docs/PLAINTEXT.md, “Leader: site navigation at the top”

    /// A navigation line (`Home | News | Sport`) has at least this many parts between separators.
    /// See docs/PLAINTEXT.md, “Leader: site navigation at the top”.
    static let minNavigationParts = 3
    /// Each part of a navigation line has at most this many words.
    /// See docs/PLAINTEXT.md, “Leader: site navigation at the top”.
    static let maxNavigationPartWords = 3

    // MARK: Header — docs/PLAINTEXT.md, “Header: before the body”

    /// A line longer than this many UTF-8 bytes is never a byline or date line, and is not split at
    /// ` | ` looking for one (splitting a long line costs time). See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxBylineLineBytes = 1_000
    /// The longest text after ` | ` in a byline that is kept for the byline analyser (`| Reuters`).
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxAffiliationLength = 60
    /// The longest text that reads as names (a byline's name, a desk line, a dash attribution's name).
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxNamesLength = 120
    /// The most words in text that reads as names. See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxNamesWords = 14
    /// Names may end with `.`, `!` or `?` only after a last word this short (`Jr.`, an initial);
    /// a longer one ends a sentence. See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxNamesFinalWordLength = 4
    /// The least share, in percent, of capitalised words (minor words such as `of` and `de` not
    /// counted) in text that reads as names. See docs/PLAINTEXT.md, “Header: before the body”.
    static let minCapitalisedPercent = 75
    /// The most words in a desk or role line right under a byline (`Education Desk`).
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxDeskLineWords = 5
    /// The longest date after a date label (`Published: …`); a longer one is not a date line.
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxDateTextLength = 80
    /// The longest first line that is a title although it ends with `.` or `;`.
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxPunctuatedTitleLength = 180
    /// The fewest words in such a title. See docs/PLAINTEXT.md, “Header: before the body”.
    static let minPunctuatedTitleWords = 2
    /// The most words in such a title. See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxPunctuatedTitleWords = 22
    /// A title ending with `;` and shorter than this takes the next line as its deck even when more
    /// lines follow in its block. See docs/PLAINTEXT.md, “Header: before the body”.
    static let semicolonTitleLengthLimit = 200
    /// The longest deck standing alone between the title and the byline or date lines.
    /// See docs/PLAINTEXT.md, “Header: before the body”.
    static let maxDeckLength = 300

    // MARK: Body — docs/PLAINTEXT.md, “Body”

    /// The most digits in a list number (`1.`, `12)`); a line starting with a longer number is text.
    /// See docs/PLAINTEXT.md, “Body” (Bullets).
    static let maxListNumberDigits = 3
    /// The least indentation of a line that continues a list item. See docs/PLAINTEXT.md, “Body” (Bullets).
    static let minContinuationIndent = 2
    /// A continuation line is indented more than the item's text less this many columns (it may
    /// start one column left of the text). See docs/PLAINTEXT.md, “Body” (Bullets).
    static let continuationIndentSlack = 2
    /// The longest line that may be a speaker label over a list. See docs/PLAINTEXT.md, “Body” (Speaker labels).
    static let maxSpeakerLabelLength = 100
    /// The most words in a speaker label that does not end with `said:`.
    /// See docs/PLAINTEXT.md, “Body” (Speaker labels).
    static let maxSpeakerLabelWords = 12
    /// The most words in a speaker label made of a role (`Iranian Spokesperson`).
    /// See docs/PLAINTEXT.md, “Body” (Speaker labels).
    static let maxRoleLabelWords = 8
    /// The fewest capitalised words of a name before a comma in a speaker label (`Asif Ghafoor, DG ISPR`).
    /// See docs/PLAINTEXT.md, “Body” (Speaker labels).
    static let minSpeakerNameWords = 2
    /// The most capitalised words of that name. See docs/PLAINTEXT.md, “Body” (Speaker labels).
    static let maxSpeakerNameWords = 5
    /// A block with a line longer than this is scraped text, one paragraph per line; else its lines
    /// may be hard-wrapped. See docs/PLAINTEXT.md, “Body” (Paragraphs).
    static let maxWrappedLineLength = 100
    /// In hard-wrapped text, a line that ends a sentence ends its paragraph when it is shorter than
    /// this share, in percent, of the block's longest line. See docs/PLAINTEXT.md, “Body” (Paragraphs).
    static let wrapRatioPercent = 70
    /// The longest line that is a heading (or a title). See docs/PLAINTEXT.md, “Body” (Headings).
    static let maxHeadingLength = 150
    /// The most words in a heading (or a title). See docs/PLAINTEXT.md, “Body” (Headings).
    static let maxHeadingWords = 20
    /// The fewest words (between spaces) in a quotation that is a pull quote.
    /// See docs/PLAINTEXT.md, “Body” (Pull quotes).
    static let minPullQuoteWords = 2
    /// The most words in a pull quote told by its place alone (after a paragraph that neither
    /// introduces nor quotes it); a longer one is a statement quoted in full.
    /// See docs/PLAINTEXT.md, “Body” (Pull quotes).
    static let maxPullQuoteWords = 40
    /// How many bytes of text, in all, are searched for the repeats of standalone quotations, so a
    /// file of thousands of quoted paragraphs stays linear. See docs/PLAINTEXT.md, “Body” (Pull quotes).
    static let repeatSearchBudget = 32 << 20
    /// The longest attribution after a dash (`— Ana Ruiz, harbourmaster`).
    /// See docs/PLAINTEXT.md, “Body” (Blockquotes).
    static let maxAttributionLength = 100
    /// The most words in an attribution after a dash. See docs/PLAINTEXT.md, “Body” (Blockquotes).
    static let maxAttributionWords = 14
    /// The fewest marks in a rule (`---`, `* * *`). See docs/PLAINTEXT.md, “Body” (Rules).
    static let minRuleMarks = 3

    // MARK: Dateline — docs/PLAINTEXT.md, “Dateline”

    /// The shortest first word of a dateline's place (`ISLAMABAD`; `UN` is too short).
    /// See docs/PLAINTEXT.md, “Dateline”.
    static let minDatelinePlaceWordLength = 3
    /// The most words in capitals in a place before a dash (`PORT ELLIS`). See docs/PLAINTEXT.md, “Dateline”.
    static let maxDatelinePlaceWords = 4
    /// The most words in capitals in a place before a colon (`ISLAMABAD:`). See docs/PLAINTEXT.md, “Dateline”.
    static let maxColonDatelinePlaceWords = 3
    /// The most words in the region after a place and a comma (`SPRINGFIELD, Ill.`).
    /// See docs/PLAINTEXT.md, “Dateline”.
    static let maxDatelineRegionWords = 2
    /// The shortest agency in brackets (`(AP)`). See docs/PLAINTEXT.md, “Dateline”.
    static let minDatelineAgencyLength = 2
    /// The longest agency in brackets. See docs/PLAINTEXT.md, “Dateline”.
    static let maxDatelineAgencyLength = 40
    /// The least text that must follow a dateline; a shorter rest leaves the paragraph whole.
    /// See docs/PLAINTEXT.md, “Dateline”.
    static let minDatelineRestLength = 20
}
