import Foundation

/// The per-table bookmark a sync stores in the cache, in the same transaction as the rows it
/// describes. Stored as JSON in `deskstat_table_state.sync_state`.
struct SyncState: Codable, Equatable, Sendable {
    /// Cursor exports: the last `after_cursor` received.
    var cursor: String?
    /// Time-based exports and ratings: the next `start_time`.
    var startTime: Int64?
    /// Ratings: the cursor within an interrupted run, and the newest `updated_at` seen.
    var after: String?
    var newestSeen: Int64?

    enum CodingKeys: String, CodingKey {
        case cursor
        case startTime = "start_time"
        case after
        case newestSeen = "newest_seen"
    }

    static func decode(_ text: String?) -> SyncState {
        guard let text, let data = text.data(using: .utf8),
            let state = try? JSONDecoder().decode(SyncState.self, from: data)
        else { return SyncState() }
        return state
    }

    var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
