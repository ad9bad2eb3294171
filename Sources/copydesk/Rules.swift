// copydesk — command-line front end
// `copydesk rules`: the validation rules and their documentation.

import ArgumentParser
import CopydeskKit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules, or explain one.",
        discussion: """
            Without an id, lists every rule with its level and summary; with --profile, the levels \
            are that profile's (and the .copydesk.yml's found from the working folder). With an id, \
            prints what the rule checks, how to fix a finding, and its settings.

            EXAMPLES
              copydesk rules
              copydesk rules quote.unattributed
              copydesk rules --profile strict
              copydesk rules --markdown > docs/RULES.md
            """
    )

    @Argument(help: "A rule id (headline.missing).")
    var id: String?

    @Option(name: .long, help: "Show the levels of this profile (default, strict, newsml-syndication, or a file).")
    var profile: String?

    @Flag(name: .long, help: "Print docs/RULES.md: every rule's documentation as Markdown.")
    var markdown = false

    func run() throws {
        if markdown {
            print(RulesDocument.markdown(), terminator: "")
            return
        }
        var resolver = ConfigurationResolver(profile: profile, now: nil)
        let levels = try exitingOnError("rules") { try resolver.configuration(forInput: "-").levels }
        guard let id else {
            print(RulesDocument.table(levels: levels), terminator: "")
            return
        }
        guard let rule = RuleRegistry.rule(id: id) else {
            printError("error: no rule '\(id)'; 'copydesk rules' lists them")
            throw ExitCode(64)
        }
        print(RulesDocument.explain(rule, level: levels[id]), terminator: "")
    }
}
