// copydesk — command-line front end
// The common `convert` command lines, read without swift-argument-parser.

/// Reads the `copydesk convert` command lines that a Makefile or a shell loop runs once per file
/// (inputs, `--to`, `-o`/`--output`, `--from`, `--out-dir` and a few flags) straight into a
/// `ConvertRequest`.
///
/// swift-argument-parser learns the commands' options by reflection at every start: about 19 M
/// instructions, a fifth of a one-page conversion (docs/benchmarks.md). This reader knows only
/// the options below, each at most once, and returns `nil` for anything else: another command,
/// help or `--version`, an option it does not list, a repeated option, a value that starts with
/// `-`, `--`, or a request that `ConvertRequest.validate()` refuses. The full parser then reads
/// the line and says what is wrong. `QuickCommandLineTests` holds the two to the same reading.
enum QuickCommandLine {
    /// The request `arguments` (the command line without the program's name) make, or `nil`
    /// when the full parser must read them.
    static func convert(_ arguments: [String]) -> ConvertRequest? {
        guard arguments.first == "convert" else { return nil }
        var request = ConvertRequest()
        var seen: Set<String> = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-" || !argument.hasPrefix("-") {
                request.inputs.append(argument)
                continue
            }
            if let flag = flagName(argument) {
                guard seen.insert(flag).inserted else { return nil }
                switch flag {
                case "compact": request.compact = true
                case "quiet": request.quiet = true
                case "verbose": request.verbose = true
                case "validate": request.runRules = true
                case "force": request.force = true
                case "incremental": request.incremental = true
                default: request.htmlFragment = true
                }
                continue
            }
            var spelling = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                spelling = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard let option = optionName(spelling), seen.insert(option).inserted else { return nil }
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value else { return nil }
            switch option {
            case "to": request.to = value
            case "output": request.output = value
            case "from": request.inputOptions.from = value
            case "out-dir": request.outDir = value
            case "report": request.report = value
            default:
                guard let jobs = Int(value) else { return nil }
                request.jobs = jobs
            }
        }
        do {
            try request.validate()
        } catch {
            return nil
        }
        return request
    }

    /// The flag `spelling` names (its long name), when it is one read here.
    private static func flagName(_ spelling: String) -> String? {
        switch spelling {
        case "--compact": "compact"
        case "-q", "--quiet": "quiet"
        case "-v", "--verbose": "verbose"
        case "--validate": "validate"
        case "--force": "force"
        case "--incremental": "incremental"
        case "--html-fragment": "html-fragment"
        default: nil
        }
    }

    /// The option with a value `spelling` names (its long name), when it is one read here.
    private static func optionName(_ spelling: String) -> String? {
        switch spelling {
        case "--to": "to"
        case "-o", "--output": "output"
        case "--from": "from"
        case "--out-dir": "out-dir"
        case "-j", "--jobs": "jobs"
        case "--report": "report"
        default: nil
        }
    }
}
