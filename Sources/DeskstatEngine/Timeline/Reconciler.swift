public import DeskstatTimeline

extension TimelineLoader {
    /// Every ticket that has both a cached history and a metric set, compared: does the timeline's
    /// first reply time and full resolution time (calendar) agree with Zendesk's? In ticket id order;
    /// deleted tickets are left out.
    public func reconcile(asOf: Int64) throws(EngineError) -> [Reconciliation] {
        let ids: [Int64]
        do {
            ids = try cache.ticketIDsWithHistory()
        } catch {
            throw .cache(String(describing: error))
        }
        var results: [Reconciliation] = []
        for id in ids {
            let facts: FactSet
            do {
                facts = try FactLoader(cache: cache).loadTicket(id)
            } catch {
                throw .cache(String(describing: error))
            }
            guard let ticket = try facts.ticket(id), let metrics = ticket.metrics else { continue }
            results.append(
                Reconciliation.compare(
                    try timeline(id), zendeskFirstReply: metrics.replyTime.calendar,
                    zendeskFullResolution: ticket.isSolved ? metrics.fullResolutionTime.calendar : nil, asOf: asOf))
        }
        return results
    }
}
