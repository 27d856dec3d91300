import DeskstatReport

extension SectionBuilder {
    /// One table per duration KPI: its values of the current window counted into
    /// `DurationBuckets`, per clock the number and the share, and a total row.
    static func histograms(_ context: SectionContext) -> [ReportTable] {
        let values = context.result.totals.overall
        return context.kpis.filter { $0.kind == .duration }.map { kpi in
            var columns = [ReportColumn(id: "bucket", title: "Bucket", kind: .label)]
            for clock in context.clocks {
                columns += [
                    ReportColumn(id: "tickets_\(clock.rawValue)", title: "Tickets, \(clock.rawValue)", kind: .count),
                    ReportColumn(id: "share_\(clock.rawValue)", title: "Share, \(clock.rawValue)", kind: .ratio),
                ]
            }
            let stats = context.clocks.map { values.stats(kpi, $0) }
            var rows: [[ReportValue]] = DurationBuckets.labels.indices.map { bucket in
                [.text(DurationBuckets.labels[bucket])]
                    + stats.flatMap { stats -> [ReportValue] in
                        let count = stats.histogram.indices.contains(bucket) ? stats.histogram[bucket] : 0
                        return [
                            .integer(Int64(count)),
                            MetricItem.number(stats.count == 0 ? nil : Double(count) / Double(stats.count)),
                        ]
                    }
            }
            rows.append(
                [.text("All")]
                    + stats.flatMap { stats -> [ReportValue] in
                        [.integer(Int64(stats.count)), MetricItem.number(stats.count == 0 ? nil : 1)]
                    })
            // HTML charts the first clock's counts per bucket; the "All" row stays in the table only.
            let charted = context.clocks.first.map { "tickets_\($0.rawValue)" }
            return ReportTable(
                id: kpi.rawValue, title: kpi.title, columns: columns, rows: rows,
                chart: charted.map { .bars(labels: ["bucket"], value: $0, closingTotal: true) })
        }
    }
}
