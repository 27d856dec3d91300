/// The questions `deskstat init` asks, each answer validated and asked again when invalid (up to
/// `maximumAttempts` times).
///
/// ```swift
/// let defaults = InitDefaults(flags: flags, environment: environment)
/// let values = try InitWizard.run(prompter: StandardInputPrompter(), defaults: defaults)
/// try ConfigWriter.write(ConfigTemplate.render(values: values), to: "deskstat.yaml", overwrite: force)
/// ```
///
/// Asked: subdomain, email, start date, tables, cache file, token file. Pre-filled answers (from
/// flags or the environment) are shown in brackets and taken on Enter. Base URL and request
/// limits are not asked; they come from flags when given.
public enum InitWizard {
    /// How many invalid answers to one question end the wizard.
    public static let maximumAttempts = 3

    /// Asks every question through `prompter` and returns the validated values.
    /// Throws `.inputEnded` at the end of input and `.tooManyInvalidAnswers` after
    /// `maximumAttempts` invalid answers to one question. Pre-filled values that are never asked
    /// (base URL, limits) are checked first, so a bad flag fails before any question.
    public static func run(
        prompter: some Prompter, defaults: InitDefaults = InitDefaults(), maximumAttempts: Int = maximumAttempts
    ) throws(ConfigError) -> InitValues {
        let unasked = try UnaskedValues(defaults)
        let asker = Asker(prompter: prompter, defaults: defaults, maximumAttempts: max(1, maximumAttempts))
        prompter.say(
            "Writing a deskstat.yaml. Press Enter to take the value in [brackets]; the API token is not asked "
                + "for and never written (use ZENDESK_API_TOKEN or a token file).")
        let subdomain = try asker.ask(Questions.subdomain)
        let email = try asker.ask(Questions.email)
        let startDate = try asker.ask(Questions.startDate)
        // Required questions are asked until answered, so these are never nil.
        guard let subdomain, let startDate else { throw .missingSettings([.subdomain, .startDate]) }
        var values = unasked.values(subdomain: subdomain, startDate: startDate)
        values.email = email
        values.tables = try asker.ask(Questions.tables) ?? ZendeskTable.defaultNames
        values.cachePath = try asker.ask(Questions.cache)
        values.tokenFile = try asker.ask(Questions.tokenFile)
        return values
    }

    /// The values from `defaults` alone, for `deskstat init` without questions (all required
    /// flags given, or no terminal). Errors name the flag or environment variable at fault;
    /// a missing subdomain or start date is `.missingSettings`.
    public static func values(from defaults: InitDefaults) throws(ConfigError) -> InitValues {
        let settings = defaults.settings
        guard let subdomain = settings[.subdomain], let startDate = settings[.startDate] else {
            let missing: [MissingSetting] =
                (settings[.subdomain] == nil ? [.subdomain] : []) + (settings[.startDate] == nil ? [.startDate] : [])
            throw .missingSettings(missing)
        }
        var values = try UnaskedValues(defaults).values(
            subdomain: try subdomain.parsed(ValueParsers.subdomain),
            startDate: try startDate.parsed(ValueParsers.startDate))
        values.email = try settings[.email]?.parsed(ValueParsers.email)
        values.tables = try settings[.tables]?.parsedList(ValueParsers.tables) ?? ZendeskTable.defaultNames
        values.cachePath = try settings[.cache]?.parsed(ValueParsers.path)
        values.tokenFile = try settings[.tokenFile]?.parsed(ValueParsers.path)
        return values
    }
}

/// The settings `init` never asks about (base URL and limits), validated from the defaults.
private struct UnaskedValues {
    let baseURL: String?
    let incrementalRequestsPerMinute: Int?
    let requestsPerMinute: Int?
    let auditConcurrency: Int?

    init(_ defaults: InitDefaults) throws(ConfigError) {
        typealias Limits = DeskstatConfiguration.Defaults
        let settings = defaults.settings
        baseURL = try settings[.baseURL]?.parsed(ValueParsers.baseURL).absoluteString
        incrementalRequestsPerMinute = try settings[.incrementalRequestsPerMinute]?.integer(
            in: Limits.incrementalRequestsPerMinuteRange, why: "10, or 30 with the High Volume add-on")
        requestsPerMinute = try settings[.requestsPerMinute]?.integer(
            in: Limits.requestsPerMinuteRange, why: "your plan's limit")
        auditConcurrency = try settings[.auditConcurrency]?.integer(
            in: Limits.auditConcurrencyRange, why: "tickets whose audits are fetched at once")
    }

    /// Init values with these settings and the required answers.
    func values(subdomain: String, startDate: Int64) -> InitValues {
        InitValues(
            subdomain: subdomain, startDate: startDate, baseURL: baseURL,
            incrementalRequestsPerMinute: incrementalRequestsPerMinute, requestsPerMinute: requestsPerMinute,
            auditConcurrency: auditConcurrency)
    }
}

/// One question: its key, wording, whether it needs an answer, the built-in default, and the
/// validation of an answer.
struct Question<Value>: Sendable {
    let key: ConfigKey
    let text: String
    let required: Bool
    let fallback: String?
    let parse: @Sendable (String) throws(ValueProblem) -> Value
}

/// The questions, in the order asked.
enum Questions {
    static let subdomain = Question(
        key: .subdomain, text: "Zendesk subdomain (acme for https://acme.zendesk.com)", required: true,
        fallback: nil, parse: ValueParsers.subdomain)
    static let email = Question(
        key: .email, text: "Admin email (the API token's owner; Enter to skip when using OAuth)", required: false,
        fallback: nil, parse: ValueParsers.email)
    static let startDate = Question(
        key: .startDate, text: "Start date of the first sync, UTC (2017-01-25 or 2017-01-25T00:00:00Z)",
        required: true, fallback: nil, parse: ValueParsers.startDate)
    static let tables = Question(
        key: .tables, text: "Tables to sync (comma-separated, all, or default: all but ticket_audits)",
        required: false, fallback: "default",
        parse: { (text: String) throws(ValueProblem) -> [String] in
            try ValueParsers.tables(text.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        })
    static let cache = Question(
        key: .cache, text: "Cache file", required: false, fallback: DeskstatConfiguration.Defaults.cachePath,
        parse: ValueParsers.path)
    static let tokenFile = Question(
        key: .tokenFile,
        text: "Token file (a chmod 600 file holding only the API token; Enter to use ZENDESK_API_TOKEN)",
        required: false, fallback: nil, parse: ValueParsers.path)
}

/// Asks one question until it gets a valid answer or runs out of attempts.
struct Asker<P: Prompter> {
    let prompter: P
    let defaults: InitDefaults
    let maximumAttempts: Int

    /// The parsed answer; nil when an optional question is skipped (Enter with nothing
    /// pre-filled, or `-`).
    func ask<Value>(_ question: Question<Value>) throws(ConfigError) -> Value? {
        let suggested = defaults.text(for: question.key) ?? question.fallback
        let prompt = question.text + (suggested.map { " [\($0)]" } ?? "") + ": "
        var lastProblem = ""
        for _ in 0..<maximumAttempts {
            guard let line = prompter.ask(prompt) else { throw .inputEnded(question: question.text) }
            var answer = line.trimmed
            if answer == "-" && !question.required { return nil }
            if answer.isEmpty {
                if let suggested {
                    answer = suggested
                } else if question.required {
                    lastProblem = "an answer is needed"
                    prompter.say("  \(lastProblem); try again")
                    continue
                } else {
                    return nil
                }
            }
            do {
                return try question.parse(answer)
            } catch {
                lastProblem = error.message
                prompter.say("  \(error.message); try again")
            }
        }
        throw .tooManyInvalidAnswers(question: question.text, attempts: maximumAttempts, lastProblem: lastProblem)
    }
}
