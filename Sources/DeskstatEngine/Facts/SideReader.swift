import DeskstatCache

/// Reads the upper part of the ticket ids and the ratings on a second connection (a
/// `SideSnapshot` on the same state of the cache) while the main connection reads the rest, so
/// a full-history load uses both cores.
final class SideReader: @unchecked Sendable {
    private let snapshot: SideSnapshot

    /// Opens the connection and takes the first snapshot (call before the main transaction starts).
    init?(path: String) {
        guard let snapshot = SideSnapshot(path: path) else { return nil }
        self.snapshot = snapshot
    }

    /// Takes the second snapshot (see `SideSnapshot.joinMainSnapshot`).
    func joinMainSnapshot() -> Bool { snapshot.joinMainSnapshot() }

    /// What the side connection read.
    struct Scan: Sendable {
        /// The tickets of the id range.
        var part: TicketStore
        /// The ratings of the window.
        var ratings: [RatingFact]
    }

    /// Reads, on another thread, the `ticket_facts` rows with ids in `ids` (see
    /// `FactReader.readFacts`) and the ratings updated in `ratings`.
    func scan(ids: (Int64, Int64), until: Int64, ratings window: (since: Int64, until: Int64))
        -> Pending<Result<Scan, any Error>>
    {
        Pending.start { [snapshot] in
            Result {
                let part = try FactReader.readFacts(snapshot.reader, ranges: [ids], wanted: nil, until: until)
                let ratings = try FactReader.loadRatings(snapshot.reader, since: window.since, until: window.until)
                return Scan(part: part, ratings: ratings)
            }
        }
    }
}
