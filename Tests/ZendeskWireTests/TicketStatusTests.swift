import Testing
import ZendeskWire

/// The one list of unsolved statuses (the backlog) and of solved ones.
@Suite struct TicketStatusTests {
    @Test func theBacklogIsNewOpenPendingAndHold() {
        #expect(TicketStatus.unsolved.map(\.rawValue) == ["new", "open", "pending", "hold"])
        for text in ["new", "open", "pending", "hold"] { #expect(TicketStatus.isUnsolved(text), "\(text)") }
        for text in ["solved", "closed", "deleted", "Open", "", "archived"] {
            #expect(!TicketStatus.isUnsolved(text), "\(text)")
        }
        #expect(!TicketStatus.isUnsolved(nil))
    }

    @Test func solvedMeansSolvedOrClosed() {
        #expect(TicketStatus.isSolved("solved") && TicketStatus.isSolved("closed"))
        for text in ["new", "open", "pending", "hold", "deleted", "Solved"] {
            #expect(!TicketStatus.isSolved(text), "\(text)")
        }
        #expect(!TicketStatus.isSolved(nil))
    }

    @Test func statusesRankInZendesksOrder() {
        #expect(TicketStatus.allCases.sorted() == [.new, .open, .pending, .hold, .solved, .closed, .deleted])
        #expect(TicketStatus.hold < TicketStatus.solved)
    }
}
