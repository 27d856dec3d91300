import GRDB

/// A stored ticket metric event: its typed columns, and the API JSON only for the events whose
/// payload matters (`apply_sla` and `apply_group_sla`, which carry the applied target).
public struct StoredMetricEvent: Sendable, Equatable {
    public var id: Int64
    public var ticketID: Int64
    public var metric: String?
    public var instanceID: Int64?
    public var type: String?
    /// Epoch seconds.
    public var time: Int64?
    public var deleted: Bool?
    /// The event as the API sent it (decode with ZendeskWire's `TicketMetricEvent`), for apply
    /// events only; `nil` for the others.
    public var rawJSON: String?

    public init(
        id: Int64, ticketID: Int64, metric: String?, instanceID: Int64?, type: String?, time: Int64?, deleted: Bool?,
        rawJSON: String?
    ) {
        self.id = id
        self.ticketID = ticketID
        self.metric = metric
        self.instanceID = instanceID
        self.type = type
        self.time = time
        self.deleted = deleted
        self.rawJSON = rawJSON
    }
}

extension Cache {
    /// Every stored ticket metric event of the tickets with ids in `ticketIDs`, ordered by ticket,
    /// time and id, read in one pass over the `(ticket_id, time)` index between the smallest and
    /// largest id. Events without a ticket are left out.
    ///
    /// Scheduled breach events carry a future `time`, so no time bound is applied here.
    public func metricEvents(ticketIDs: Set<Int64>) throws(CacheError) -> [StoredMetricEvent] {
        guard let low = ticketIDs.min(), let high = ticketIDs.max() else { return [] }
        do {
            return try read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT id, ticket_id, metric, instance_id, type, time, deleted,
                               CASE WHEN type IN ('apply_sla', 'apply_group_sla') THEN raw_json END
                        FROM ticket_metric_events
                        WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, time, id
                        """, arguments: [low, high])
                var events: [StoredMetricEvent] = []
                while let row = try rows.next() {
                    let ticketID: Int64 = row[1]
                    guard ticketIDs.contains(ticketID) else { continue }
                    let deleted: Int64? = row[6]
                    events.append(
                        StoredMetricEvent(
                            id: row[0], ticketID: ticketID, metric: row[2], instanceID: row[3], type: row[4],
                            time: row[5], deleted: deleted.map { $0 != 0 }, rawJSON: row[7]))
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
