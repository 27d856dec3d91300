import Foundation
import Testing

@testable import DeskstatReport

@Suite("JSON")
struct JSONRendererTests {
    let output = JSONRenderer().render(SampleReport.report)

    /// The keys of the objects that start at `indent` levels, in order of appearance.
    private func keys(atIndent indent: Int, in text: String) -> [String] {
        let prefix = String(repeating: "  ", count: indent) + "\""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(prefix), !line.hasPrefix(prefix + " ") else { return nil }
            let rest = line.dropFirst(prefix.count)
            guard let end = rest.firstIndex(of: "\""), rest[end...].hasPrefix("\":") else { return nil }
            return String(rest[..<end])
        }
    }

    @Test func topLevelKeysInDocumentedOrder() {
        #expect(
            keys(atIndent: 1, in: output) == [
                "schema_version", "report", "title", "window", "previous_window", "as_of", "time_zone", "filters",
                "metrics", "sections", "warnings",
            ])
        #expect(output.hasPrefix("{\n  \"schema_version\": 2,\n"))
        #expect(output.hasSuffix("}\n"))
    }

    @Test func nestedKeysInDocumentedOrder() {
        #expect(Array(keys(atIndent: 2, in: output).prefix(3)) == ["from", "to", "label"])
        #expect(keys(atIndent: 3, in: output).prefix(4) == ["id", "title", "tables", "notes"])
        #expect(keys(atIndent: 5, in: output).prefix(5) == ["id", "title", "columns", "row_kinds", "rows"])
        #expect(keys(atIndent: 7, in: output).prefix(3) == ["id", "title", "kind"])
    }

    @Test func rowsAreObjectsKeyedByColumnIdInColumnOrder() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let sections = try #require(parsed?["sections"] as? [[String: Any]])
        let tables = try #require(sections[2]["tables"] as? [[String: Any]])
        let rows = try #require(tables[0]["rows"] as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows[0]["group"] as? String == "Billing | EMEA")
        #expect(rows[0]["last_breach"] as? String == "2026-11-20T14:05:00Z")
        #expect(rows[3]["median_minutes"] is NSNull)
        let firstRow = """
                        {
                          "metric_id": "created",
                          "metric": "Created",
                          "current": 1234,
                          "previous": 1180,
                          "change": 54,
                          "change_pct": 0.0458
                        },
            """
        #expect(output.contains(firstRow))
    }

    @Test func metricsAreSortedAndTyped() {
        let metrics = output.components(separatedBy: "\"metrics\": {\n")[1].components(separatedBy: "\n  },")[0]
        #expect(
            metrics == """
                    "backlog": 312,
                    "created": 1234,
                    "csat": 0.875,
                    "csat_response_rate": null,
                    "first_reply_time.calendar.median": 42.5,
                    "reopen_rate": 0.0512,
                    "sla.achievement_rate": 0.9625,
                    "sla.breached": 3,
                    "solved": 1180
                """)
    }

    @Test func numberEdgeCases() {
        var report = Report(name: "edge", title: "Edge", window: ReportWindow(from: 0, to: 86_400, label: ""), asOf: 0)
        report.metrics = [
            "a_zero": .number(0), "b_negative_zero": .number(-0.0), "c_tiny": .number(1e-7),
            "d_big": .number(12345.678),
            "e_nan": .number(.nan), "f_inf": .number(-.infinity), "g_int": .integer(-42), "h_whole": .number(7),
        ]
        let text = JSONRenderer().render(report)
        for line in [
            "\"a_zero\": 0,", "\"b_negative_zero\": 0,", "\"c_tiny\": 0,", "\"d_big\": 12345.678,", "\"e_nan\": null,",
            "\"f_inf\": null,", "\"g_int\": -42,", "\"h_whole\": 7",
        ] {
            #expect(text.contains("    " + line), "missing \(line)")
        }
        #expect(text.contains("\"previous_window\": null"))
        #expect(text.contains("\"filters\": []"))
        #expect(!text.contains("e+") && !text.contains("e-"))
    }

    @Test func stringsAreEscaped() {
        #expect(JSONWriter.quoted("a\"b\\c\nd\te\u{01}f\u{2028}é") == #""a\"b\\c\nd\te\u0001f\u2028é""#)
    }

    @Test func outputIsValidJSON() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(parsed?["schema_version"] as? Int == 2)
        let warnings = parsed?["warnings"] as? [[String: String]]
        #expect(warnings?.first?["code"] == "sla_policy_not_understood")
        #expect(warnings?.first?["message"]?.hasPrefix("SLA policy \"VIP\"") == true)
        #expect(parsed?["as_of"] as? String == "2026-11-23T06:00:00Z")
    }
}
