// copydesk — ArticleModel
// The names of the `extensions` entries that several formats share, so that wire metadata read
// from NewsML-G2, NITF or ninjs lands under one name and a writer of another format finds it.

// MARK: - ExtensionKey

/// Keys of `Article.extensions` with one meaning in every format that has them (docs/MODEL.md,
/// "Shared extension keys"). A reader puts what the typed fields cannot hold here rather than
/// drop it; a writer whose format has a place for it writes it back.
package enum ExtensionKey {
    /// A string: the short working label agencies give a story (`Britain-Economy`).
    package static let slugline = "slugline"
    /// A number, 1 (most urgent) to 9: the agency's editorial urgency.
    package static let urgency = "urgency"
    /// An array of strings: the genre or genres (`Current`, `Feature`, `Interview`).
    package static let genre = "genre"
    /// An array of objects `{code, name, scheme}` (each part optional): subjects as coded by the
    /// source, with their names when the source gives them.
    package static let subjects = "subjects"
    /// A string: the copyright notice.
    package static let copyright = "copyright"
    /// A string: the terms of use (usage terms, rights info).
    package static let usageTerms = "usageTerms"
    /// A string: the item's version as the source numbers it.
    package static let version = "version"
    /// A string: the publication status (`usable`, `withheld`, `canceled`).
    package static let status = "status"
    /// A string: a note from the editors to the receiving desk (NewsML-G2 `edNote`, NITF `ed-msg`).
    package static let editorialNote = "editorialNote"
    /// An object: every date the source gives, by the source's own name for it
    /// (`{"firstCreated": "…", "versionCreated": "…", "embargoed": "…"}`), ISO 8601 where the
    /// source wrote one, as printed otherwise.
    package static let dates = "dates"
    /// An array of objects `{name, role, id}`: contributors the source names that are not bylines
    /// (an editor's login, a desk's code, a photographer), kept as metadata.
    package static let contributors = "contributors"
    /// An array of objects `{text, role, language}`: headlines the `headline` field does not hold
    /// (other languages, other roles).
    package static let headlines = "headlines"
    /// An array of objects `{type, href, text}`: content the source points to or carries beside
    /// the body that the body does not hold (remote renditions, alternative bodies), never fetched.
    package static let alternatives = "alternatives"
    /// An object `{id, type, offset}`: the web-archive record an article was read from (its
    /// `WARC-Record-ID`, its `WARC-Type`, and the byte offset that finds it in the file), for provenance.
    package static let archiveRecord = "archiveRecord"
}
