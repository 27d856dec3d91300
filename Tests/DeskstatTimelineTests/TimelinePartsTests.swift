import DeskstatTimeline
import Testing
import ZendeskWire

/// The timeline is derived in two steps (``TimelineParts``, stored by the cache, then resolved
/// with the ticket's `created_at`). These tests hold the two-step derivation to the one-step
/// fold it replaced (kept here as the reference), on seeded random change sequences full of
/// same-second changes, repeated values, `Create`s and `Change`s, and every kind of start.
@Suite struct TimelinePartsTests {
    /// The one-step fold of a field's changes with the history's start known up front (the
    /// implementation before the parts existed, unchanged).
    static func referenceIntervals(
        of field: String, in changes: [TicketFieldChange], createdAt: Int64?
    ) -> [TimelineInterval] {
        var result: [TimelineInterval] = []
        for change in changes where change.field == field {
            if result.isEmpty, !change.isCreate, let start = createdAt, start < change.createdAt {
                result.append(TimelineInterval(from: start, to: nil, value: change.previousValue))
            }
            if let last = result.last {
                if last.value == change.value { continue }
                if last.from == change.createdAt {
                    result[result.count - 1].value = change.value
                    if result.count >= 2, result[result.count - 2].value == change.value {
                        result.removeLast()
                        result[result.count - 1].to = nil
                    }
                    continue
                }
                result[result.count - 1].to = change.createdAt
            }
            result.append(TimelineInterval(from: change.createdAt, to: nil, value: change.value))
        }
        return result
    }

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let values: [String?] = ["new", "open", "pending", "solved", "closed", nil]

    @Test func partsResolvedEqualTheOneStepFold() {
        var random = Random(state: 20_261_204)
        var compared = 0
        for _ in 0..<3_000 {
            var changes: [TicketFieldChange] = []
            let count = 1 + random.next(8)
            for index in 0..<count {
                let field = ["status", "group_id", "assignee_id", "priority", "schedule_id", "type"][random.next(6)]
                changes.append(
                    TicketFieldChange(
                        id: Int64(100 + index), ticketID: 7, auditID: Int64(10 + index),
                        createdAt: 1_000 + Int64(random.next(4)) * 60, field: field,
                        value: Self.values[random.next(Self.values.count)],
                        previousValue: Self.values[random.next(Self.values.count)], isCreate: random.next(3) == 0))
            }
            // A duplicate of one change (the same event seen twice) must count once.
            if random.next(2) == 0, let copy = changes.first { changes.append(copy) }
            let createdAt: Int64? = [nil, 900, 1_000, 1_060, 1_500][random.next(5)]
            let timeline = TicketTimeline(ticketID: 7, createdAt: createdAt, changes: changes, comments: [], roles: [:])
            var seen: Set<Int64> = []
            let ordered = changes.filter { seen.insert($0.id).inserted }.sorted {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
            let start = createdAt ?? ordered.first?.createdAt
            for field in TicketTimeline.intervalFields {
                let expected = Self.referenceIntervals(of: field.name, in: ordered, createdAt: start)
                #expect(
                    field.intervals(of: timeline) == expected,
                    "\(field.name) of \(ordered) from \(String(describing: start))")
                compared += 1
            }
            #expect(timeline.createdAt == start)
        }
        #expect(compared == 3_000 * TicketTimeline.intervalFields.count)
    }

    @Test func anOpeningValueMergesWithAnEqualFirstInterval() {
        let history = FieldHistory(
            opening: .init(before: 100, value: "open"),
            intervals: [
                TimelineInterval(from: 100, to: 200, value: "open"), .init(from: 200, to: nil, value: "solved"),
            ])
        #expect(history.intervals(from: 50).map(\.from) == [50, 200])
        #expect(history.intervals(from: 100) == history.intervals)  // the start is not before the first change
        #expect(history.intervals(from: nil) == history.intervals)
        let other = FieldHistory(opening: .init(before: 100, value: "new"), intervals: history.intervals)
        #expect(other.intervals(from: 50).map(\.value) == ["new", "open", "solved"])
    }
}
