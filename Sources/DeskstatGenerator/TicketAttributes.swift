/// A ticket's status as the export reports it.
enum StoryStatus: Int, Sendable {
    case new, open, pending, hold, solved, closed, deleted

    /// The status categories of the account's custom statuses (closed shares solved's).
    static let categories: [StoryStatus] = [.new, .open, .pending, .hold, .solved]

    var name: StaticString {
        switch self {
        case .new: "new"
        case .open: "open"
        case .pending: "pending"
        case .hold: "hold"
        case .solved: "solved"
        case .closed: "closed"
        case .deleted: "deleted"
        }
    }

    var label: StaticString {
        switch self {
        case .new: "New"
        case .open: "Open"
        case .pending: "Pending"
        case .hold: "On-hold"
        case .solved: "Solved"
        case .closed: "Closed"
        case .deleted: "Deleted"
        }
    }

    var customStatusID: Int64? {
        switch self {
        case .new: 1
        case .open: 2
        case .pending: 3
        case .hold: 4
        case .solved, .closed: 5
        case .deleted: nil
        }
    }

    var isSolved: Bool { self == .solved || self == .closed }
}

enum TicketPriority: Int, Sendable {
    case low, normal, high, urgent

    var name: StaticString {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        case .urgent: "urgent"
        }
    }

    /// How much faster than normal agents act on it.
    var pace: Double {
        switch self {
        case .low: 1.6
        case .normal: 1
        case .high: 0.5
        case .urgent: 0.25
        }
    }
}

enum TicketType: Int, Sendable {
    case question, incident, problem, task

    var name: StaticString {
        switch self {
        case .question: "question"
        case .incident: "incident"
        case .problem: "problem"
        case .task: "task"
        }
    }
}

/// How a ticket arrived (`via.channel`).
enum Channel: Int, Sendable {
    case web, email, api, chat, voice, mobile

    static let fromCustomers = Weighted<Channel>([
        (.web, 33), (.email, 37), (.api, 6), (.chat, 12), (.voice, 5), (.mobile, 7),
    ])
    static let fromAgents = Weighted<Channel>([(.web, 60), (.voice, 30), (.email, 10)])

    var name: StaticString {
        switch self {
        case .web: "web"
        case .email: "email"
        case .api: "api"
        case .chat: "chat"
        case .voice: "voice"
        case .mobile: "mobile"
        }
    }
}

/// The account's two brands, each with its own support address.
enum Brand: Int, Sendable {
    case main, gadgets

    var id: Int64 { Identifiers.brand + Int64(rawValue) + 1 }

    var name: StaticString {
        switch self {
        case .main: "Deskstat Demo Support"
        case .gadgets: "Gadgets Store"
        }
    }

    var address: StaticString {
        switch self {
        case .main: "support@deskstat-demo.example"
        case .gadgets: "help@gadgets-store.example"
        }
    }

    var phone: StaticString {
        switch self {
        case .main: "+15550100100"
        case .gadgets: "+15550100200"
        }
    }
}
