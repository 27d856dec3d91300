// libFuzzer target: the expression parsers users type on the command line — `--fail-on`
// thresholds, `--period`, `--from/--to` and `--tz`. Built by fuzz/run.sh; not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let report = Report(
        name: "fuzz", title: "Fuzz", window: ReportWindow(from: 0, to: 86_400, label: "fuzz"), asOf: 86_400,
        metrics: ["sla.breached": .integer(3), "csat": .number(0.8), "created": .null])
    if let threshold = try? Threshold.parse(text) {
        _ = try? threshold.validate(against: report)
        _ = threshold.evaluate(report)
    }
    if let period = try? PeriodSpec.parse(text) {
        _ = try? WindowResolver.window(for: period, in: .utc, asOf: 1_795_392_000)
    }
    let parts = text.split(separator: "|", maxSplits: 2).map(String.init)
    if parts.count == 3, let zone = try? ReportTimeZone(parts[2]) {
        let request = WindowRequest(period: nil, from: parts[0], to: parts[1], timeZone: zone, asOf: 1_795_392_000)
        if let window = try? WindowResolver.resolve(request) {
            _ = Buckets.split(window, by: .day, in: zone).count < 4_000 ? window.previous(in: zone) : window
        }
    }
    return 0
}
