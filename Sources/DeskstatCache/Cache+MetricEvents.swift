import GRDB

/// A stored ticket metric event: its ticket and the API JSON it arrived as.
public struct StoredMetricEvent: Sendable, Equatable {
    public var ticketID: Int64
    /// The event exactly as the API sent it (decode with ZendeskWire's `TicketMetricEvent`).
    public var rawJSON: String

    public init(ticketID: Int64, rawJSON: String) {
        self.ticketID = ticketID
        self.rawJSON = rawJSON
    }
}

extension Cache {
    /// Every stored ticket metric event of the tickets with ids in `ticketIDs` (all tickets when
    /// `nil`), ordered by ticket, time and id. Events without a ticket are left out.
    ///
    /// Scheduled breach events carry a future `time`, so no time bound is applied here.
    public func metricEvents(ticketIDs: Set<Int64>? = nil) throws(CacheError) -> [StoredMetricEvent] {
        do {
            return try read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT ticket_id, raw_json FROM ticket_metric_events
                        WHERE ticket_id IS NOT NULL ORDER BY ticket_id, time, id
                        """)
                var events: [StoredMetricEvent] = []
                while let row = try rows.next() {
                    let ticketID: Int64 = row[0]
                    if let ticketIDs, !ticketIDs.contains(ticketID) { continue }
                    events.append(StoredMetricEvent(ticketID: ticketID, rawJSON: row[1]))
                }
                return events
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }
}
