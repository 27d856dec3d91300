import ZendeskWire

/// A policy condition parsed once, with the texts `explain` and warnings show. A class, so that
/// walking the conditions of a million tickets retains one reference per condition, not each field.
final class CompiledCondition: Sendable {
    let kind: SLAConditionResult.Kind
    let fieldText: String
    let operatorText: String
    let valueText: String
    let test: ConditionTest
    /// "policy 'VIP' (id 3)", the start of every warning about this condition.
    let policyLabel: String
    /// The warning for a condition that can never be evaluated, built once.
    let staticWarning: String?

    init(_ definition: SLAConditionDefinition, kind: SLAConditionResult.Kind, policyLabel: String) {
        self.kind = kind
        fieldText = definition.field ?? "(none)"
        operatorText = definition.operatorName ?? "(none)"
        valueText = Self.displayText(definition.value)
        self.policyLabel = policyLabel
        test = Self.compile(definition)
        if case .unusable(let problem) = test {
            staticWarning = Self.warning(
                problem, kind: kind, label: policyLabel, field: fieldText, operator: operatorText, value: valueText)
        } else {
            staticWarning = nil
        }
    }

    /// Evaluates the condition; a condition deskstat does not understand is false.
    func evaluate(_ ticket: SLATicket, via: ViaTypes.Resolution) -> ConditionTest.Verdict {
        test.evaluate(ticket, via: via)
    }

    /// Whether the condition tests `via_id` (so the ticket's via must be resolved).
    var testsVia: Bool {
        if case .via = test { return true }
        return false
    }

    /// The result `explain` shows.
    func result(_ verdict: ConditionTest.Verdict) -> SLAConditionResult {
        SLAConditionResult(
            kind: kind, field: fieldText, operatorName: operatorText, valueText: valueText,
            matched: verdict.matched, understood: verdict.problem == nil, note: verdict.problem?.reason)
    }

    /// Rule: a condition deskstat does not understand never matches silently. The evaluation
    /// carries a warning naming the policy, the condition and why.
    func warning(_ problem: Problem) -> String {
        staticWarning
            ?? Self.warning(
                problem, kind: kind, label: policyLabel, field: fieldText, operator: operatorText, value: valueText)
    }

    private static func warning(
        _ problem: Problem, kind: SLAConditionResult.Kind, label: String, field: String, operator op: String,
        value: String
    ) -> String {
        let consequence = kind == .all ? "the policy is treated as not matching" : "the condition is treated as false"
        return "\(label): condition \(field) \(op) \(value) — \(problem.reason); \(consequence)"
    }

    /// Strings bare (`""` when empty), everything else as compact JSON.
    static func displayText(_ value: JSONValue) -> String {
        if case .string(let text) = value, !text.isEmpty { return text }
        return value.canonicalText
    }

    // MARK: - Compiling

    /// A test, or why there can be none.
    private typealias Compiled = Result<ConditionTest, Problem>

    private static func compile(_ definition: SLAConditionDefinition) -> ConditionTest {
        guard let fieldName = definition.field else { return .unusable(Problem("the condition names no field")) }
        guard let field = ConditionField(name: fieldName) else { return .unusable(Problem("field not supported")) }
        guard let operatorName = definition.operatorName else {
            return .unusable(Problem("the condition names no operator"))
        }
        guard let op = ConditionOperator(rawValue: operatorName) else {
            return .unusable(Problem("operator not supported"))
        }
        let compiled: Compiled
        switch field {
        case .type: compiled = textTest(field, op, definition.value)
        case .priority, .status: compiled = rankedTest(field, op, definition.value)
        case .groupID, .assigneeID, .requesterID, .organizationID, .brandID, .ticketFormID:
            compiled = idTest(field, op, definition.value)
        case .viaID: compiled = viaTest(op, definition.value)
        case .currentTags: compiled = tagTest(op, definition.value)
        case .customField(let id): compiled = customTest(id, op, definition.value)
        }
        switch compiled {
        case .success(let test): return test
        case .failure(let problem): return .unusable(problem)
        }
    }

    private static func unsupported(_ op: ConditionOperator, _ what: String) -> Problem {
        Problem("operator '\(op.rawValue)' is not supported for \(what)")
    }

    private static func textTest(_ field: ConditionField, _ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        guard let positive = op.membershipPolarity else { return .failure(unsupported(op, "type")) }
        return ConditionOperand.texts(value).map {
            .text(field, Membership(positive: positive, values: $0.texts, none: $0.none))
        }
    }

    /// Rule: priority and status `less_than` / `greater_than` compare by rank.
    private static func rankedTest(_ field: ConditionField, _ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        guard let comparison = op.comparison else { return textTest(field, op, value) }
        return ConditionOperand.single(value).flatMap { scalar in
            let name = ConditionOperand.text(scalar)
            let rank = field == .priority ? TicketRank.priority(name) : TicketRank.status(name)
            guard let rank else {
                return .failure(Problem("'\(name)' is not a \(field == .priority ? "priority" : "status")"))
            }
            return .success(.rank(field, comparison, rank))
        }
    }

    private static func idTest(_ field: ConditionField, _ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        guard let positive = op.membershipPolarity else { return .failure(unsupported(op, "an id field")) }
        return ConditionOperand.ids(value).map {
            .id(field, Membership(positive: positive, values: $0.ids, none: $0.none))
        }
    }

    private static func viaTest(_ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        guard let positive = op.membershipPolarity else { return .failure(unsupported(op, "via_id")) }
        return ConditionOperand.viaIDs(value).map { .via(positive: positive, ids: $0) }
    }

    /// Rule: `current_tags includes "a b"` holds when the ticket has at least one of the listed
    /// tags, `not_includes` when it has none of them — Zendesk's "Tags: contains at least one of
    /// the following" / "contains none of the following".
    private static func tagTest(_ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        guard op == .includes || op == .notIncludes else { return .failure(unsupported(op, "current_tags")) }
        return ConditionOperand.tags(value).map { .tags(positive: op == .includes, tags: $0) }
    }

    private static func customTest(_ id: Int64, _ op: ConditionOperator, _ value: JSONValue) -> Compiled {
        if let comparison = op.comparison {
            return ConditionOperand.single(value).flatMap { scalar in
                guard let number = ConditionOperand.number(scalar) else {
                    return .failure(Problem("'\(ConditionOperand.text(scalar))' is not a number"))
                }
                return .success(.customNumber(id, comparison, number))
            }
        }
        guard let positive = op.membershipPolarity else { return .failure(unsupported(op, "a custom field")) }
        return ConditionOperand.texts(value).map {
            .customText(id, Membership(positive: positive, values: $0.texts, none: $0.none))
        }
    }
}
