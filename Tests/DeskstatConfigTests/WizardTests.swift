import DeskstatConfig
import Testing

@Suite("deskstat init: the wizard")
struct WizardTests {
    @Test("invalid answers are asked again; Enter takes the default")
    func retries() throws {
        let prompter = ScriptedPrompter(answers: [
            "https://acme.zendesk.com",  // subdomain, normalised
            "not-an-email", "admin@acme.com",  // email: invalid, then valid
            "2017/01/25", "2017-01-25",  // start date: invalid, then valid
            "",  // tables: default
            "",  // cache: default
            "",  // token file: skipped
        ])
        let values = try InitWizard.run(prompter: prompter)
        #expect(
            values
                == InitValues(
                    subdomain: "acme", email: "admin@acme.com", startDate: 1_485_302_400, cachePath: "deskstat.sqlite"))
        #expect(prompter.remainingAnswers.isEmpty)
        #expect(prompter.prompts.count == 8)
        let problems = prompter.messages.dropFirst()
        #expect(problems.count == 2)
        #expect(problems.first?.contains("\"not-an-email\" is not an email address") == true)
        #expect(problems.last?.contains("\"2017/01/25\" is not a date") == true)
        #expect(prompter.prompts[5].hasSuffix("[default]: "))
    }

    @Test("pre-filled answers from flags and the environment are shown and taken on Enter")
    func defaults() throws {
        let defaults = InitDefaults(
            flags: ConfigFlags(subdomain: "acme", tables: ["tickets,users"], tokenFile: "~/zd-token"),
            environment: ["ZENDESK_EMAIL": "admin@acme.com", "DESKSTAT_START_DATE": "2020-02-02"])
        let prompter = ScriptedPrompter(answers: ["", "", "", "", "", ""])
        let values = try InitWizard.run(prompter: prompter, defaults: defaults)
        #expect(values.subdomain == "acme")
        #expect(values.email == "admin@acme.com")
        #expect(values.startDate == 1_580_601_600)
        #expect(values.tables == ["tickets", "users"])
        #expect(values.tokenFile == "~/zd-token")
        #expect(prompter.prompts[0].hasSuffix("[acme]: "))
    }

    @Test("a required question without an answer is asked again")
    func requiredAnswer() throws {
        let prompter = ScriptedPrompter(answers: ["", "acme", "-", "2017-01-25", "", "", ""])
        let values = try InitWizard.run(prompter: prompter)
        #expect(values.subdomain == "acme")
        #expect(values.email == nil)
        #expect(prompter.messages.contains { $0.contains("an answer is needed") })
    }

    @Test("too many invalid answers stop the wizard")
    func tooMany() {
        let prompter = ScriptedPrompter(answers: ["a b", "c d", "e f", "acme"])
        let error = #expect(throws: ConfigError.self) { try InitWizard.run(prompter: prompter) }
        guard case .tooManyInvalidAnswers(_, let attempts, let last) = error else {
            Issue.record("expected tooManyInvalidAnswers, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect(last.contains("\"e f\""))
        #expect(prompter.remainingAnswers == ["acme"])
    }

    @Test("the end of input stops the wizard with a hint")
    func endOfInput() {
        let prompter = ScriptedPrompter(answers: ["acme"])
        let error = #expect(throws: ConfigError.self) { try InitWizard.run(prompter: prompter) }
        #expect(error?.description.contains("pass --subdomain, --email and --start-date") == true)
    }

    @Test("without questions, values come from flags and are validated with the flag named")
    func nonInteractive() throws {
        let defaults = InitDefaults(
            flags: ConfigFlags(
                subdomain: "acme", startDate: "2017-01-25", baseURL: "http://127.0.0.1:8080", requestsPerMinute: 400),
            environment: ["ZENDESK_BASE_URL": "http://ignored", "ZENDESK_EMAIL": "admin@acme.com"])
        #expect(defaults.isComplete)
        let values = try InitWizard.values(from: defaults)
        #expect(values.email == "admin@acme.com")
        #expect(values.baseURL == "http://127.0.0.1:8080")
        #expect(values.requestsPerMinute == 400)
        #expect(values.tables == ZendeskTable.defaultNames)

        let incomplete = InitDefaults(flags: ConfigFlags(email: "admin@acme.com"), environment: [:])
        #expect(!incomplete.isComplete)
        #expect(throws: ConfigError.missingSettings([.subdomain, .startDate])) {
            try InitWizard.values(from: incomplete)
        }
        let invalid = InitDefaults(flags: ConfigFlags(subdomain: "acme", startDate: "soon"), environment: [:])
        let error = #expect(throws: ConfigError.self) { try InitWizard.values(from: invalid) }
        #expect(error?.description.hasPrefix("--start-date: \"soon\" is not a date") == true)
    }

    @Test("the wizard's values round-trip through template and loader")
    func wizardToLoader() throws {
        let prompter = ScriptedPrompter(answers: ["acme", "admin@acme.com", "2017-01-25", "tickets, tags", "", ""])
        let values = try InitWizard.run(prompter: prompter)
        let fixture = Fixture()
        fixture.config(ConfigTemplate.render(values: values))
        let configuration = try fixture.load()
        #expect(configuration.tables.value == ["tickets", "tags"])
        #expect(configuration.cachePath.value == "deskstat.sqlite")
        #expect(configuration.startDate?.value == values.startDate)
    }

    @Test("a bad pre-filled base URL fails before any question is asked")
    func badFlagFailsFirst() {
        let prompter = ScriptedPrompter(answers: ["acme"])
        let defaults = InitDefaults(flags: ConfigFlags(baseURL: "ftp://example.com"), environment: [:])
        let error = #expect(throws: ConfigError.self) { try InitWizard.run(prompter: prompter, defaults: defaults) }
        #expect(error?.description.hasPrefix("--base-url: ") == true)
        #expect(prompter.prompts.isEmpty)
    }
}
