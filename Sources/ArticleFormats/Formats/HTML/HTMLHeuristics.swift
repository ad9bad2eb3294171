// copydesk — HTML reader
// Every threshold the story finder uses, named, with the section of docs/HTML.md that explains it.

// MARK: - HTMLHeuristics

/// The numbers behind the HTML reader's rules. They are tuned on several datasets at once (see
/// docs/HTML.md, "Quality, measured"); a change to one is judged on all of them.
enum HTMLHeuristics {
    // MARK: Encodings — docs/HTML.md, "Parsing and encodings"

    /// A file where NUL bytes are more than this share of the bytes is binary data, not a page;
    /// fewer are left out with a note ("Parsing and encodings").
    static let binaryNULShare = 0.01

    // MARK: Never content — docs/HTML.md, "Finding the story", step 1

    /// An element holding at least this share of the page's paragraph text is never removed for its
    /// class or id name (docs/HTML.md, "Finding the story", step 1).
    static let storyShareNeverRemoved = 0.5
    /// A `header` or `footer` is kept when it holds this many paragraphs of at least
    /// `headerFooterParagraphLength` characters: some sites wrap the story in one (step 1).
    static let headerFooterParagraphs = 3
    /// See `headerFooterParagraphs` (docs/HTML.md, "Finding the story", step 1).
    static let headerFooterParagraphLength = 150

    // MARK: Scoring — docs/HTML.md, "Finding the story", step 2

    /// Paragraph-like elements shorter than this many characters do not score (step 2).
    static let minimumParagraphLength = 25
    /// A paragraph scores one point per this many characters, on top of 1 + its commas (step 2).
    static let charactersPerPoint = 100
    /// At most this many points for length (step 2).
    static let maximumLengthPoints = 3
    /// A paragraph's score goes to this many ancestors: the parent (whole), the grandparent (half),
    /// and a third of the level above for each level further up (step 2).
    static let scoredAncestorLevels = 5
    /// The weight of a content or furniture word in a class or id (step 2).
    static let classNameWeight = 25.0
    /// The weight of `itemprop=articleBody` (step 2).
    static let articleBodyWeight = 50.0
    /// The score a container starts from, by tag (step 2).
    static let tagWeights: [String: Double] = [
        "div": 5, "article": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3, "dl": -3,
        "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
        "th": -5,
    ]
    /// A `p` is prose when it has at least this many characters… (step 2)
    static let proseMinimumLength = 60
    /// …and less than this share of them inside links (step 2).
    static let proseMaximumLinkShare = 0.3

    // MARK: The best container — docs/HTML.md, "Finding the story", step 3

    /// A page's `<main>` (or `role=main`) holding at least this share of its text outside links is
    /// where the story is looked for (step 3). On the three development datasets the story is inside
    /// `<main>` on 102 of the 104 pages that have one.
    static let mainShare = 0.3
    /// Candidates scoring at least this share of the top score are rivals: when two of them share an
    /// ancestor with the top one, the story is split and the ancestor is taken (step 3).
    static let splitStoryRivalShare = 0.75
    /// How many runners-up are looked at for rivals (step 3).
    static let splitStoryRivalsLooked = 4
    /// The climb from the top candidate stops at an ancestor scoring under this share of it (step 3).
    static let climbMinimumShare = 1.0 / 3.0
    /// A sibling joins the story when its score reaches this share of the top score… (step 3)
    static let siblingScoreShare = 0.2
    /// …and at least this score (step 3).
    static let siblingMinimumScore = 10.0
    /// A sibling with the top candidate's class gets this share of the top score as a bonus (step 3).
    static let siblingSameClassBonus = 0.2
    /// A sibling `p` longer than this joins when under `siblingParagraphLinkShare` of it is links;
    /// a shorter one joins when it has no link and ends a sentence (step 3).
    static let siblingParagraphLength = 80
    /// See `siblingParagraphLength` (step 3).
    static let siblingParagraphLinkShare = 0.25

    // MARK: Cleaning — docs/HTML.md, "Finding the story", step 4

    /// A block with this many commas is prose, whatever else it holds (step 4).
    static let cleaningProseCommas = 10
    /// A block with more than one image and fewer than this many paragraphs per image is a gallery (step 4).
    static let galleryParagraphsPerImage = 0.5
    /// A block with more items than paragraphs (plus one) and more than this share of links is a
    /// list of links (step 4).
    static let linkListShare = 0.3
    /// A block with more form controls than one per this many paragraphs is a form (step 4).
    static let paragraphsPerFormControl = 3
    /// A table under this share of links with at least `dataTableRows` rows holds data (step 4).
    static let dataTableLinkShare = 0.3
    /// See `dataTableLinkShare` (step 4).
    static let dataTableRows = 2
    /// A block with fewer characters than this is "too little text" (step 4).
    static let minimumBlockLength = 25
    /// A block that is not a list and not named as content goes when more than this share of its
    /// text is links and it is shorter than `linkDenseLength` characters… (step 4)
    static let linkDenseShare = 0.2
    /// …or whatever its length when more than `linkDenseHighShare` is links (step 4).
    static let linkDenseLength = 500
    /// See `linkDenseShare` (step 4).
    static let linkDenseHighShare = 0.5
    /// A block of embeds (`iframe`, `embed`, `object`, `video`) with fewer than this many characters
    /// of text per embed is furniture (step 4).
    static let embedTextPerEmbed = 75

    // MARK: Furniture lines — docs/HTML.md, "Finding the story", step 5

    /// A `By Name` paragraph is a byline among this many first blocks of the body (step 5).
    static let bylineLineBlocks = 3
    /// Furniture lines are short: a block longer than this many bytes is never one, and a line
    /// ending in a picture credit `(Image: …)` is a caption under it (step 5).
    static let furnitureLineMaximum = 400
    /// Labels (`Advertisement`, `Share this`), date-only lines and `By …` lines are at most this
    /// many bytes (step 5).
    static let labelMaximum = 80
    /// Lines that open with a prompt or credit (`Read more:`, `Sign up:`, `(Reporting by`), end
    /// with one (`contributed to this report`), or are one link, are under this many bytes (step 5).
    static let promptLineMaximum = 300
    /// A contact line (an e-mail address, a social profile) is at most this many bytes… (step 5)
    static let contactLineMaximum = 120
    /// …and a slideshow counter (`Image 1 of 9`) at most this many (step 5).
    static let galleryCounterMaximum = 40
    /// An `About <Company>` heading is at most this many bytes… (step 5)
    static let aboutHeadingMaximum = 60
    /// …and this many words (step 5).
    static let aboutHeadingWords = 5
    /// A `By …` line names at most this many words after `By` (step 5).
    static let bylineLineWords = 8
    /// A post's meta line ending in its comment count (`Posted in News | 4 Comments`) has at most
    /// this many words (step 5).
    static let commentLineWords = 16
    /// A contact line has at most this many words around its address (step 5).
    static let contactLineWords = 8

    // MARK: Structure — docs/HTML.md, "Structure kept"

    /// A paragraph holding one image and under this many characters of text is a figure with that
    /// caption… ("Structure kept")
    static let paragraphCaptionMaximum = 250
    /// …provided its text is one sentence, or under this many characters ("Structure kept").
    static let paragraphCaptionSentenceMaximum = 120
    /// A blockquote's `<footer>`/`<cite>` is its attribution when under this many characters
    /// ("Structure kept").
    static let attributionMaximum = 120
    /// A last line starting with a dash is a blockquote's attribution when under this many
    /// characters ("Structure kept").
    static let dashAttributionMaximum = 100

    // MARK: Metadata — docs/HTML.md, "Metadata, best source first"

    /// A leading body block repeats the headline (and is dropped) when its text has the same
    /// letters and is at most twice the headline's length plus this many bytes ("Metadata").
    static let repeatedHeadlineSlack = 16
    /// Without a known site name, the last part of a title after ` | ` or ` - ` is the site's when
    /// it is at most this many characters and half the rest ("Metadata").
    static let siteNameMaximum = 30
    /// A byline found in the markup has at most this many words… ("Metadata")
    static let bylineMaximumWords = 12
    /// …and this many characters ("Metadata").
    static let bylineMaximumLength = 120

    // MARK: Looser readings — docs/HTML.md, "Finding the story", step 6

    /// A strict reading that keeps fewer characters than this is tried again with fewer removals (step 6).
    static let minimumStoryLength = 500
    /// A looser reading wins only with more than this many times the text… (step 6)
    static let looserReadingFactor = 2
    /// …and at least this many characters more (step 6).
    static let looserReadingMargin = 200
}
