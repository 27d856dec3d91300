import ArgumentParser
import DeskstatBasics
import DeskstatCache
import ZendeskWire

/// `deskstat status`: what the cache holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cache: path, size, schema version, rows, date range and last import or sync per table.",
        discussion: """
            Example: deskstat status --cache acme.sqlite --json

            \(ExitStatus.helpText([.success, .runtimeError], runtime: "the cache is missing, unreadable or locked"))
            """)

    @OptionGroup var cacheOptions: CacheOptions

    @Flag(help: "Print as JSON.")
    var json = false

    func run() throws {
        try reportingErrors {
            let status = try cacheOptions.open(.readOnly).status()
            Terminal.standardOutput.write(json ? StatusText.json(status) : StatusText.text(status))
        }
    }
}

/// Renders `CacheStatus` as a table or as JSON (timestamps in ISO-8601 UTC).
enum StatusText {
    static func text(_ status: CacheStatus) -> String {
        var table = TextTable(
            ["table", "rows", "oldest", "newest", "last import", "last sync"],
            alignments: [.left, .right, .left, .left, .left, .left])
        for entry in status.tables {
            table.rows.append([
                entry.table, NumberText.grouped(entry.rows), date(entry.oldest), date(entry.newest),
                date(entry.lastImportAt), date(entry.lastSyncAt),
            ])
        }
        return """
            cache   \(status.path) (\(NumberText.bytes(status.sizeBytes)))
            schema  version \(status.schemaVersion)

            """ + table.render()
    }

    static func date(_ epoch: Int64?) -> String {
        epoch.map(Timestamp.format) ?? "-"
    }

    static func json(_ status: CacheStatus) -> String {
        struct Table: Encodable {
            let rows: Int
            let oldest: String?
            let newest: String?
            let last_import_at: String?
            let last_sync_at: String?
        }
        struct Document: Encodable {
            let path: String
            let size_bytes: Int64
            let schema_version: Int
            let tables: [String: Table]
        }
        let tables = Dictionary(
            uniqueKeysWithValues: status.tables.map {
                (
                    $0.table,
                    Table(
                        rows: $0.rows, oldest: $0.oldest.map(Timestamp.format), newest: $0.newest.map(Timestamp.format),
                        last_import_at: $0.lastImportAt.map(Timestamp.format),
                        last_sync_at: $0.lastSyncAt.map(Timestamp.format))
                )
            })
        return StableJSON.encode(
            Document(
                path: status.path, size_bytes: status.sizeBytes, schema_version: status.schemaVersion, tables: tables))
    }
}
