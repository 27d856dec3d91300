/// The words the account is written in: names, companies, subjects and comments.
///
/// Display names may contain non-ASCII letters and apostrophes; the `slug`s are their ASCII
/// e-mail forms. Descriptions and comments deliberately contain quotes, backslashes, tabs,
/// newlines and emoji so importers meet every JSON escape.
enum Vocabulary {
    struct Name: Sendable {
        let display: StaticString
        let slug: StaticString
    }

    static let firstNames: [Name] = [
        Name(display: "Lena", slug: "lena"), Name(display: "Ivan", slug: "ivan"),
        Name(display: "Uma", slug: "uma"), Name(display: "Cara", slug: "cara"),
        Name(display: "Marco", slug: "marco"), Name(display: "Aisha", slug: "aisha"),
        Name(display: "Kenji", slug: "kenji"), Name(display: "Zoë", slug: "zoe"),
        Name(display: "José", slug: "jose"), Name(display: "Łukasz", slug: "lukasz"),
        Name(display: "Søren", slug: "soren"), Name(display: "Aimée", slug: "aimee"),
        Name(display: "Björn", slug: "bjorn"), Name(display: "Chloé", slug: "chloe"),
        Name(display: "Priya", slug: "priya"), Name(display: "Tomás", slug: "tomas"),
        Name(display: "Fatima", slug: "fatima"), Name(display: "Noah", slug: "noah"),
        Name(display: "Emma", slug: "emma"), Name(display: "Liam", slug: "liam"),
        Name(display: "Olivia", slug: "olivia"), Name(display: "Mateo", slug: "mateo"),
        Name(display: "Sofia", slug: "sofia"), Name(display: "Yuki", slug: "yuki"),
        Name(display: "Amara", slug: "amara"), Name(display: "Hiro", slug: "hiro"),
        Name(display: "Inès", slug: "ines"), Name(display: "Jonas", slug: "jonas"),
        Name(display: "Kai", slug: "kai"), Name(display: "Leila", slug: "leila"),
        Name(display: "Mila", slug: "mila"), Name(display: "Nils", slug: "nils"),
        Name(display: "Omar", slug: "omar"), Name(display: "Pia", slug: "pia"),
        Name(display: "Quinn", slug: "quinn"), Name(display: "Rosa", slug: "rosa"),
        Name(display: "Sven", slug: "sven"), Name(display: "Tara", slug: "tara"),
        Name(display: "Wei", slug: "wei"), Name(display: "Yara", slug: "yara"),
    ]

    static let lastNames: [Name] = [
        Name(display: "Ortiz", slug: "ortiz"), Name(display: "Petrov", slug: "petrov"),
        Name(display: "Sato", slug: "sato"), Name(display: "Lindqvist", slug: "lindqvist"),
        Name(display: "Rossi", slug: "rossi"), Name(display: "Khan", slug: "khan"),
        Name(display: "Tanaka", slug: "tanaka"), Name(display: "Müller", slug: "muller"),
        Name(display: "Núñez", slug: "nunez"), Name(display: "O'Brien", slug: "obrien"),
        Name(display: "Dubois", slug: "dubois"), Name(display: "Nakamura", slug: "nakamura"),
        Name(display: "Kowalski", slug: "kowalski"), Name(display: "Hansen", slug: "hansen"),
        Name(display: "Fischer", slug: "fischer"), Name(display: "Silva", slug: "silva"),
        Name(display: "Okafor", slug: "okafor"), Name(display: "Novak", slug: "novak"),
        Name(display: "Schmidt", slug: "schmidt"), Name(display: "García", slug: "garcia"),
        Name(display: "Jensen", slug: "jensen"), Name(display: "Moreau", slug: "moreau"),
        Name(display: "Costa", slug: "costa"), Name(display: "Ivanova", slug: "ivanova"),
        Name(display: "Andersen", slug: "andersen"), Name(display: "Bauer", slug: "bauer"),
        Name(display: "Chen", slug: "chen"), Name(display: "Dimitrov", slug: "dimitrov"),
        Name(display: "Eriksson", slug: "eriksson"), Name(display: "Ferreira", slug: "ferreira"),
        Name(display: "Gruber", slug: "gruber"), Name(display: "Haddad", slug: "haddad"),
        Name(display: "Ito", slug: "ito"), Name(display: "Jovanović", slug: "jovanovic"),
        Name(display: "Kim", slug: "kim"), Name(display: "Larsen", slug: "larsen"),
        Name(display: "Mendes", slug: "mendes"), Name(display: "Nowak", slug: "nowak"),
        Name(display: "Park", slug: "park"), Name(display: "Quist", slug: "quist"),
    ]

    static let companyNames: [Name] = [
        Name(display: "Acme", slug: "acme"), Name(display: "Globex", slug: "globex"),
        Name(display: "Initech", slug: "initech"), Name(display: "Umbrella", slug: "umbrella"),
        Name(display: "Hooli", slug: "hooli"), Name(display: "Vandelay", slug: "vandelay"),
        Name(display: "Stark", slug: "stark"), Name(display: "Wonka", slug: "wonka"),
        Name(display: "Soylent", slug: "soylent"), Name(display: "Cyberdyne", slug: "cyberdyne"),
        Name(display: "Tyrell", slug: "tyrell"), Name(display: "Monarch", slug: "monarch"),
        Name(display: "Oceanic", slug: "oceanic"), Name(display: "Pied Piper", slug: "piedpiper"),
        Name(display: "Aperture", slug: "aperture"), Name(display: "Black Mesa", slug: "blackmesa"),
        Name(display: "Dunder Mifflin", slug: "dundermifflin"),
        Name(display: "Nordström & Söhne", slug: "nordstrom"),
        Name(display: "Zürich Analytics", slug: "zurichanalytics"),
        Name(display: "Kōbe Robotics", slug: "koberobotics"),
    ]

    static let companySuffixes: [Name] = [
        Name(display: "Corp", slug: "corp"), Name(display: "Ltd", slug: "ltd"),
        Name(display: "GmbH", slug: "gmbh"), Name(display: "Inc", slug: "inc"),
        Name(display: "Labs", slug: "labs"), Name(display: "Group", slug: "group"),
        Name(display: "Systems", slug: "systems"), Name(display: "Partners", slug: "partners"),
        Name(display: "& Co", slug: "co"), Name(display: "S.A.", slug: "sa"),
    ]

    static let freeMailDomains: [StaticString] = ["mail.example", "inbox.example", "post.example"]

    /// Rails time-zone names with their IANA names.
    static let timeZones = Weighted<(rails: StaticString, iana: StaticString)>([
        (("UTC", "Etc/UTC"), 3), (("London", "Europe/London"), 3), (("Berlin", "Europe/Berlin"), 2),
        (("Eastern Time (US & Canada)", "America/New_York"), 3),
        (("Pacific Time (US & Canada)", "America/Los_Angeles"), 2), (("Tokyo", "Asia/Tokyo"), 1),
        (("Sydney", "Australia/Sydney"), 1), (("Brasilia", "America/Sao_Paulo"), 1),
    ])

    static let locales = Weighted<(name: StaticString, id: Int64)>([
        (("en-US", 1), 6), (("en-GB", 1176), 2), (("de", 8), 1), (("fr", 16), 1), (("es", 2), 1),
        (("ja", 67), 0.5), (("pt-BR", 19), 0.5),
    ])

    /// Second paragraphs of ticket descriptions.
    static let descriptionBodies: [String] = [
        "Hi team,\nsince this morning it fails every time.\nThanks",
        "Steps:\n1. Open the app\n2. Tap \"Sync\"\n3. Nothing happens",
        "The error says: \"403 Forbidden\" — no idea why.",
        "Path in the log: C:\\Users\\ops\\sync.log\tline 42",
        "Could you have a look? Merci beaucoup ☺",
        "See the attached screenshot.",
        "We need this sorted before the quarter closes.",
        "Tried clearing the cache and logging in again; no luck.",
        "Our whole team is affected 😟",
        "Hallo, könnten Sie bitte helfen? Danke!",
    ]

    static let goodComments: [String] = [
        "Quick and clear, thanks!", "Great help 🙂", "Solved in minutes.", "Très bien, merci !",
        "Thanks — exactly what I needed.", "The agent was \"super\" helpful.",
    ]

    static let badComments: [String] = [
        "Took far too long.", "Still not working.\nPlease call me back.",
        "I had to explain it three times.", "Closed without asking me.",
    ]

    /// Public replies of agents (ticket history).
    static let agentReplies: [String] = [
        "Thanks for reaching out! Could you tell me which version you are on?",
        "I have reset the setting on our side; please try again and let me know.",
        "Good news: the fix is live.\nIt should work now.",
        "Sorry for the wait — our engineers found the cause and are on it.",
        "Here are the steps: Settings → Account → \"Export\".",
        "Could you send us the log file (C:\\Users\\you\\app.log)?",
        "Merci pour votre patience ! The refund is on its way.",
    ]

    /// Comments of requesters after the first (ticket history).
    static let requesterComments: [String] = [
        "Still the same here, sorry.", "Version 4.2, on a Mac.", "Tried that — no change.",
        "Here is the log you asked for.\tThanks!", "Ok, thanks. Any update?", "It works now 🎉",
        "Danke, aber es geht immer noch nicht.",
    ]

    /// Requesters' comments that reopen a solved ticket.
    static let reopenComments: [String] = [
        "It broke again this morning.", "Sorry, I spoke too soon: the problem is back.",
        "The refund has not arrived yet.",
    ]

    /// Private notes of agents (ticket history).
    static let internalNotes: [String] = [
        "Checked the logs: nothing unusual.", "Asked engineering in #support-escalations.",
        "Customer is on the legacy plan.", "Reproduced on staging.", "Waiting for the vendor's answer.",
        "Linked to the known issue; see the problem ticket.", "Called the customer, no answer.",
        "Note to self: follow up on Monday.",
    ]

    /// Follow-up reasons of bad ratings, with their reason ids (offset from the reason range).
    static let badReasons: [StaticString] = [
        "The issue took too long to resolve", "The issue was not resolved",
        "The agent's knowledge is unsatisfactory", "The agent's attitude is unsatisfactory",
        "Some other reason",
    ]
}
