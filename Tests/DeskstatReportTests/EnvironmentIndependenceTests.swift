import Foundation
import Testing

@testable import DeskstatReport

@Suite("Environment independence", .serialized)
struct EnvironmentIndependenceTests {
    private func renderAll() -> [String] {
        ReportFormat.allCases.map { ReportFormat.renderer(for: $0).render(SampleReport.report) }
            + [TextRenderer(options: TextOptions(width: 50, color: true)).render(SampleReport.report)]
    }

    @Test func outputIgnoresTZAndLANG() {
        let names = ["TZ", "LANG", "LC_ALL", "LC_NUMERIC", "LC_TIME"]
        let saved = names.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        let before = renderAll()
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
            tzset()
            setlocale(LC_ALL, "C")
        }
        setenv("TZ", "Asia/Tokyo", 1)
        setenv("LANG", "de_DE.UTF-8", 1)
        setenv("LC_ALL", "de_DE.UTF-8", 1)
        setenv("LC_NUMERIC", "de_DE.UTF-8", 1)
        setenv("LC_TIME", "de_DE.UTF-8", 1)
        tzset()
        setlocale(LC_ALL, "")
        let after = renderAll()
        #expect(before == after)
        #expect(renderAll() == after)
    }
}
