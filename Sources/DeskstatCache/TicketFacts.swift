import CSQLite
import GRDB

/// The `ticket_facts` table (schema v4): per ticket, the columns reports read, packed in two
/// small blobs — one for the ticket, one for its metric set — so that reading a million tickets
/// is a million short rows instead of two million wide ones.
///
/// `CacheWriter` writes the blobs for every ticket and metric set it writes, from the very values
/// it binds. Triggers set a part to NULL whenever a ticket or metric set changes by any other
/// statement (and delete the row with its ticket), and `TicketFactsRepair` packs from the tables
/// any part a batch's values could not fill. So a part is either exact or NULL (only after a
/// write outside deskstat), and a reader reads a NULL part from the tables. The metric part of a
/// ticket without a metric set is an empty blob.
///
/// Layout, little-endian:
///
/// - ticket: version (1 byte, 1); `created_at` (8); `deleted` (1); presence (2: bits 0…6 group,
///   assignee, requester, submitter, organization, brand and form ids; bits 8…11 status,
///   priority, type and via channel); each present id (8); each present text: length (4) and
///   UTF-8 bytes.
/// - metric: version (1 byte, 1); presence (2: bits 0…2 reopens, replies, solved_at; bits 3…14
///   the twelve durations in `CacheSchema.durationColumns` order);
///   each present integer (8); each present duration as its IEEE-754 bits (8) — exact.
public enum TicketFacts {
    public static let version: UInt8 = 1

    /// The seven ids the ticket part holds, in presence-bit order.
    public static let ticketIDColumns = [
        "group_id", "assignee_id", "requester_id", "submitter_id", "organization_id", "brand_id", "ticket_form_id",
    ]
    /// The four texts the ticket part holds, in presence-bit order.
    public static let ticketTextColumns = ["status", "priority", "type", "via_channel"]
    /// The three integers the metric part holds, in presence-bit order (the durations follow,
    /// in `CacheSchema.durationColumns` order).
    public static let metricIntegerColumns = ["reopens", "replies", "solved_at"]

    /// The indexes, in `CacheTable.tickets.columns`, of the columns the ticket part holds:
    /// created_at, deleted, the seven ids, then the four texts.
    static let ticketColumns: (createdAt: Int, deleted: Int, ids: [Int], texts: [Int]) = {
        let index = CacheSchema.tickets.index
        return (
            index("created_at"), index("deleted"), ticketIDColumns.map(index), ticketTextColumns.map(index)
        )
    }()

    /// The indexes, in `CacheTable.ticketMetrics.columns`, of ticket_id, the three integers and
    /// the twelve durations the metric part holds.
    static let metricColumns: (ticketID: Int, integers: [Int], durations: [Int]) = {
        let index = CacheSchema.ticketMetrics.index
        return (index("ticket_id"), metricIntegerColumns.map(index), CacheSchema.durationColumns.map(index))
    }()

    // MARK: Encoding

    /// One column value as the encoder sees it.
    enum Field {
        case null
        case integer(Int64)
        case real(Double)
        case text(UnsafeRawBufferPointer)
        case bytes([UInt8])
        /// Anything else (the part cannot be packed exactly).
        case other
    }

    /// Appends a ticket part to `out`; `false` (and nothing appended) when a value has an unexpected type.
    static func appendTicket(_ value: (Int) -> Field, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        let columns = ticketColumns
        guard case .integer(let createdAt) = value(columns.createdAt),
            case .integer(let deleted) = value(columns.deleted)
        else { return false }
        out.append(version)
        appendInteger(createdAt, to: &out)
        out.append(deleted == 0 ? 0 : 1)
        guard deleted == 0 || deleted == 1 else {
            out.removeSubrange(mark...)
            return false
        }
        let presenceAt = out.count
        out.append(0)
        out.append(0)
        var presence: UInt16 = 0
        for (bit, column) in columns.ids.enumerated() {
            switch value(column) {
            case .null: continue
            case .integer(let id):
                presence |= 1 << UInt16(bit)
                appendInteger(id, to: &out)
            default:
                out.removeSubrange(mark...)
                return false
            }
        }
        for (bit, column) in columns.texts.enumerated() {
            switch value(column) {
            case .null: continue
            case .text(let bytes):
                presence |= 1 << UInt16(8 + bit)
                appendInteger32(UInt32(bytes.count), to: &out)
                out.append(contentsOf: bytes)
            case .bytes(let bytes):
                presence |= 1 << UInt16(8 + bit)
                appendInteger32(UInt32(bytes.count), to: &out)
                out.append(contentsOf: bytes)
            default:
                out.removeSubrange(mark...)
                return false
            }
        }
        out[presenceAt] = UInt8(truncatingIfNeeded: presence)
        out[presenceAt + 1] = UInt8(truncatingIfNeeded: presence >> 8)
        return true
    }

    /// Appends a metric part to `out`; `false` (and nothing appended) when a value has an unexpected type.
    static func appendMetric(_ value: (Int) -> Field, to out: inout [UInt8]) -> Bool {
        let mark = out.count
        let columns = metricColumns
        out.append(version)
        let presenceAt = out.count
        out.append(0)
        out.append(0)
        var presence: UInt16 = 0
        for (bit, column) in columns.integers.enumerated() {
            switch value(column) {
            case .null: continue
            case .integer(let number):
                presence |= 1 << UInt16(bit)
                appendInteger(number, to: &out)
            default:
                out.removeSubrange(mark...)
                return false
            }
        }
        for (bit, column) in columns.durations.enumerated() {
            let number: Double
            switch value(column) {
            case .null: continue
            case .real(let real): number = real
            case .integer(let integer): number = Double(integer)  // a REAL column stores it as this real
            default:
                out.removeSubrange(mark...)
                return false
            }
            presence |= 1 << UInt16(3 + bit)
            appendInteger(Int64(bitPattern: number.bitPattern), to: &out)
        }
        out[presenceAt] = UInt8(truncatingIfNeeded: presence)
        out[presenceAt + 1] = UInt8(truncatingIfNeeded: presence >> 8)
        return true
    }

    @inline(__always) static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always) static func appendInteger32(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    // MARK: Decoding

    /// A decoded ticket part. Texts are byte ranges of the blob.
    public struct TicketPart {
        public var createdAt: Int64 = 0
        public var deleted = false
        /// Presence bits 0…6: the ids; 8…11: the texts.
        public var presence: UInt16 = 0
        /// group, assignee, requester, submitter, organization, brand, form.
        public var ids: (Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0, 0)
        /// status, priority, type, via channel.
        public var texts:
            (UnsafeRawBufferPointer?, UnsafeRawBufferPointer?, UnsafeRawBufferPointer?, UnsafeRawBufferPointer?) =
                (nil, nil, nil, nil)

        public init() {}
    }

    /// Decodes a ticket part; `nil` when the blob is not one this version wrote.
    public static func decodeTicket(_ blob: UnsafeRawBufferPointer) -> TicketPart? {
        guard blob.count >= 12, blob[0] == version else { return nil }
        var part = TicketPart()
        part.createdAt = Int64(littleEndian: blob.loadUnaligned(fromByteOffset: 1, as: Int64.self))
        part.deleted = blob[9] != 0
        part.presence = UInt16(blob[10]) | UInt16(blob[11]) << 8
        var offset = 12
        let presence = part.presence
        let ok = withUnsafeMutableBytes(of: &part.ids) { raw -> Bool in
            let ids = raw.bindMemory(to: Int64.self)
            for bit in 0..<7 where presence & (1 << UInt16(bit)) != 0 {
                guard offset + 8 <= blob.count else { return false }
                ids[bit] = Int64(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: Int64.self))
                offset += 8
            }
            return true
        }
        guard ok else { return nil }
        for bit in 0..<4 where presence & (1 << UInt16(8 + bit)) != 0 {
            guard offset + 4 <= blob.count else { return nil }
            let length = Int(UInt32(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            offset += 4
            guard offset + length <= blob.count else { return nil }
            let text = UnsafeRawBufferPointer(rebasing: blob[offset..<(offset + length)])
            switch bit {
            case 0: part.texts.0 = text
            case 1: part.texts.1 = text
            case 2: part.texts.2 = text
            default: part.texts.3 = text
            }
            offset += length
        }
        return offset == blob.count ? part : nil
    }

    /// A decoded metric part.
    public struct MetricPart {
        /// Bits 0…2: reopens, replies, solved_at; 3…14: the durations.
        public var presence: UInt16 = 0
        public var reopens: Int64 = 0
        public var replies: Int64 = 0
        public var solvedAt: Int64 = 0
        /// Twelve durations (valid where present).
        public var durations:
            (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        public init() {}
    }

    /// Decodes a metric part; `nil` when the blob is not one this version wrote.
    public static func decodeMetric(_ blob: UnsafeRawBufferPointer) -> MetricPart? {
        guard blob.count >= 3, blob[0] == version else { return nil }
        var part = MetricPart()
        part.presence = UInt16(blob[1]) | UInt16(blob[2]) << 8
        var offset = 3
        let presence = part.presence
        for bit in 0..<3 where presence & (1 << UInt16(bit)) != 0 {
            guard offset + 8 <= blob.count else { return nil }
            let value = Int64(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            switch bit {
            case 0: part.reopens = value
            case 1: part.replies = value
            default: part.solvedAt = value
            }
            offset += 8
        }
        let ok = withUnsafeMutableBytes(of: &part.durations) { durations -> Bool in
            let values = durations.bindMemory(to: Double.self)
            for slot in 0..<12 where presence & (1 << UInt16(3 + slot)) != 0 {
                guard offset + 8 <= blob.count else { return false }
                values[slot] = Double(
                    bitPattern: UInt64(littleEndian: blob.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            return true
        }
        return ok && offset == blob.count ? part : nil
    }
}
