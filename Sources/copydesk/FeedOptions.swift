// copydesk — command-line front end
// The options of the feed writers (--to rss, atom, jsonfeed).

import ArgumentParser

/// What a written feed says of itself.
struct FeedOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The feed's title (default: the first article's publisher, else 'copydesk feed').", valueName: "title"))
    var feedTitle: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The web page the feed stands for (default: the site of the first article's URL).", valueName: "url"))
    var feedLink: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The feed's identifier: Atom's id (a URL or URN; default: the link, else one derived from the items), "
                + "and the feed's own address in RSS and JSON Feed when it is a URL.", valueName: "id"))
    var feedID: String?

    /// The options as plain values.
    var settings: FeedSettings { FeedSettings(feedTitle: feedTitle, feedLink: feedLink, feedID: feedID) }
}

/// The feed options' values.
struct FeedSettings: Equatable {
    var feedTitle: String? = nil
    var feedLink: String? = nil
    var feedID: String? = nil
}
