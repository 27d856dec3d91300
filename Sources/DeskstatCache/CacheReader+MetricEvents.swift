import CSQLite

extension CacheReader {
    /// One stored ticket metric event with what recorded SLA reads, valid only during the call
    /// that receives it: the texts point into SQLite's row (UTF-8, not terminated).
    public struct MetricEventRow {
        public let ticketID: Int64
        public let id: Int64
        public let metric: UnsafeRawBufferPointer?
        public let instanceID: Int64?
        public let type: UnsafeRawBufferPointer?
        /// Epoch seconds.
        public let time: Int64?
        public let deleted: Bool?
        /// The applied target (`apply_sla` / `apply_group_sla` only): `nil` when there is none,
        /// else whether it came from `group_sla`.
        public let target: Target?
        /// The event's JSON, only for an event stored before schema v6 whose target the upgrade
        /// left untyped (`sla_kind` 2): decode its target from here.
        public let untypedJSON: UnsafeRawBufferPointer?

        /// The `sla_` columns of an applied target.
        public struct Target {
            public let isGroupPolicy: Bool
            public let policyID: Int64?
            public let policyTitle: UnsafeRawBufferPointer?
            /// Minutes.
            public let target: Double?
            public let targetInSeconds: Double?
            public let businessHours: Bool
        }
    }

    /// Reads the metric events of the tickets with ids in `ranges` (ascending, not overlapping),
    /// in (ticket, time, id) order, typed: no JSON is read except for the rare untyped targets of
    /// an upgraded cache, looked up by id. Events without a ticket are left out.
    ///
    /// Each ticket's events come from its pack in `ticket_sla_events` (schema v8, one row per
    /// ticket), or, for a ticket whose pack is stale (a write changed its events and the packing
    /// at the end of that import or sync has not run) or does not decode, from the covering index
    /// `ticket_metric_events_sla`: the same rows either way. Consecutive stale tickets (with no
    /// packed ticket between them) are read from the index as one range.
    public func forEachMetricEvent(ofTicketsIn ranges: [(Int64, Int64)], _ body: (MetricEventRow) throws -> Void)
        throws
    {
        var packed: [PackedSLAEvents.Event] = []
        // Stale tickets not read yet: the first and the last. Tickets between them have no pack
        // row, so no events, and the index range gives exactly the stale ones' events.
        var stale: (first: Int64, last: Int64)?
        func readStale() throws {
            guard let run = stale else { return }
            stale = nil
            try forEachIndexedMetricEvent(ofTicketsIn: [run]) { try deliver($0, to: body) }
        }
        for range in ranges {
            try eachRange(Self.packedMetricEventsSQL, [range]) { statement in
                let ticketID = sqlite3_column_int64(statement, 0)
                guard let blob = Self.blob(statement, 1),
                    PackedSLAEvents.decode(blob, ticketID: ticketID, into: &packed)
                else {
                    stale = (stale?.first ?? ticketID, ticketID)
                    return
                }
                try readStale()
                for event in packed { try deliver(event, to: body) }
            }
            try readStale()  // a run never spans two ranges: the gap may hold tickets not asked for
        }
    }

    /// `forEachMetricEvent`'s query of the packs: the tickets with ids in [?1, ?2] that have events.
    package static let packedMetricEventsSQL = """
        SELECT ticket_id, events FROM ticket_sla_events WHERE ticket_id BETWEEN ?1 AND ?2 ORDER BY ticket_id
        """

    /// Calls `body` with each metric event of the tickets in `ranges`, typed, read from the
    /// covering index `ticket_metric_events_sla` alone (schema v7), in (ticket, time, id) order:
    /// what the packs are made of, and what a stale pack is read from. Valid during the call.
    func forEachIndexedMetricEvent(
        ofTicketsIn ranges: [(Int64, Int64)], _ body: (PackedSLAEvents.Event) throws -> Void
    ) throws {
        try eachRange(Self.metricEventsSQL, ranges) { statement in
            let kind = Self.integer(statement, 7)
            var target: MetricEventRow.Target?
            if let kind, kind == 0 || kind == 1 {
                target = MetricEventRow.Target(
                    isGroupPolicy: kind == 1, policyID: Self.integer(statement, 8),
                    policyTitle: Self.bytes(statement, 9), target: Self.real(statement, 10),
                    targetInSeconds: Self.real(statement, 11), businessHours: Self.integer(statement, 12) ?? 0 != 0)
            }
            let row = MetricEventRow(
                ticketID: sqlite3_column_int64(statement, 0), id: sqlite3_column_int64(statement, 1),
                metric: Self.bytes(statement, 2), instanceID: Self.integer(statement, 3),
                type: Self.bytes(statement, 4), time: Self.integer(statement, 5),
                deleted: Self.integer(statement, 6).map { $0 != 0 }, target: target, untypedJSON: nil)
            try body(PackedSLAEvents.Event(row: row, untyped: kind == 2))
        }
    }

    /// Delivers `event`; one whose target an upgraded cache left untyped (`sla_kind` 2) with its
    /// JSON (none when the row is gone).
    private func deliver(_ event: PackedSLAEvents.Event, to body: (MetricEventRow) throws -> Void) throws {
        guard event.untyped else { return try body(event.row) }
        let row = event.row
        var found = false
        try each("SELECT raw_json FROM ticket_metric_events WHERE id = ?1", [row.id]) { json in
            found = true
            try body(
                MetricEventRow(
                    ticketID: row.ticketID, id: row.id, metric: row.metric, instanceID: row.instanceID,
                    type: row.type, time: row.time, deleted: row.deleted, target: nil,
                    untypedJSON: Self.bytes(json, 0)))
        }
        if !found { try body(row) }
    }

    /// `forEachIndexedMetricEvent`'s query: the events of the tickets with ids in [?1, ?2].
    package static let metricEventsSQL = """
        SELECT ticket_id, id, metric, instance_id, type, time, deleted, sla_kind, sla_policy_id, sla_policy_title,
               sla_target, sla_target_in_seconds, sla_business_hours
        FROM ticket_metric_events INDEXED BY ticket_metric_events_sla
        WHERE ticket_id BETWEEN ?1 AND ?2 ORDER BY ticket_id, time, id
        """

    /// A text column's UTF-8 bytes, valid until the statement steps again; `nil` for NULL.
    @inline(__always) static func bytes(_ statement: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
        guard let text = sqlite3_column_text(statement, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}
