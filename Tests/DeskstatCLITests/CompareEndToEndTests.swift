import Foundation
import Testing

/// `--compare previous` on sliced and CSAT KPIs, and monthly periods against the calendar month before.
@Suite struct CompareEndToEndTests {
    static let cache: Result<String, any Error> = Result {
        let directory = try makeScratchDirectory()
        let path = directory + "/demo.sqlite"
        let demo = try BinaryRunner.run([
            "demo", "--tickets", "800", "--end", "2026-11-30", "--cache", path, "--quiet", "--format", "json",
        ])
        guard demo.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    @Test func kpiByGroupShowsThePreviousValueAndTheChange() throws {
        let result = try BinaryRunner.run([
            "kpi", "first_reply_time", "--by", "channel", "--stat", "median", "--clock", "calendar", "--compare",
            "previous", "--cache", try Self.cache.get(), "--as-of", "2026-11-30T00:00:00Z", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n").first ?? ""
        #expect(
            header
                == "section,table,channel,first_reply_time.calendar.median,first_reply_time.calendar.median.previous,"
                + "first_reply_time.calendar.median.change")
    }

    @Test func kpiCSATComparesToo() throws {
        let result = try BinaryRunner.run([
            "kpi", "csat", "--by", "group", "--compare", "previous", "--cache", try Self.cache.get(), "--as-of",
            "2026-11-30T00:00:00Z",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("CSAT, previous") && result.stdout.contains("CSAT, change"))
        let json = try BinaryRunner.run([
            "kpi", "csat", "--compare", "previous", "--cache", try Self.cache.get(), "--as-of", "2026-11-30T00:00:00Z",
            "--format", "json",
        ])
        #expect(json.stdout.contains("\"previous_csat\": "))
    }

    @Test func aMonthComparesWithTheCalendarMonthBefore() throws {
        let result = try BinaryRunner.run([
            "report", "monthly", "--period", "2026-03", "--cache", try Self.cache.get(), "--as-of",
            "2026-11-30T00:00:00Z",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("compared with 2026-02: 2026-02-01 → 2026-03-01"), "\(result.stdout.prefix(400))")
    }

    @Test func clippedAndUnfinishedBucketsAreMarkedPartial() throws {
        let result = try BinaryRunner.run([
            "kpi", "created", "--by", "week", "--from", "2026-11-04", "--to", "2026-11-30", "--cache",
            try Self.cache.get(), "--as-of", "2026-11-27T00:00:00Z", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let weeks = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[2] }
        // 11-04 is a Wednesday (W45 cut by the window); W48 runs past as-of.
        #expect(weeks == ["2026-W45 (partial)", "2026-W46", "2026-W47", "2026-W48 (partial)"])
    }

    /// The trend's last week is the report's own week: the same numbers as the headline, whichever
    /// SLA source a ticket's outcomes come from.
    @Test func theTrendsLastPeriodMatchesTheHeadline() throws {
        for source in ["auto", "evaluated", "recorded"] {
            let result = try BinaryRunner.run([
                "report", "weekly", "--cache", try Self.cache.get(), "--as-of", "2026-11-30T00:00:00Z", "--format",
                "json", "--sla-source", source,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let metrics = try #require(json["metrics"] as? [String: Any])
            let sections = try #require(json["sections"] as? [[String: Any]])
            let trend = try #require(sections.first { $0["id"] as? String == "trend" })
            let table = try #require((trend["tables"] as? [[String: Any]])?.first)
            let series = try #require(table["series"] as? [String: [Any]])
            #expect(series["period"]?.count == 12)
            for key in [
                "created", "solved", "first_reply_time.calendar.median", "csat", "sla.breached",
                "sla.achievement_rate",
            ] {
                let last = series[key]?.last as? NSNumber
                let headline = metrics[key] as? NSNumber
                #expect(
                    last != nil && last == headline,
                    "\(source) \(key): trend \(String(describing: last)), headline \(String(describing: headline))")
            }
        }
    }
}
