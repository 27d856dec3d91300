import DeskstatEngine
import DeskstatReport
import Testing

/// Report definitions are validated against lists kept in DeskstatReport; they must name exactly
/// what the engine computes.
@Suite struct VocabularyTests {
    @Test func definitionKPIsAreTheEngineKPIs() {
        #expect(Set(ReportDefinitions.defaultKPIs) == Set(KPI.allCases.map(\.rawValue)))
    }

    @Test func definitionSlicesAreTheEngineSlices() throws {
        for name in ReportDefinitions.defaultSlices { _ = try Slice.parse(name) }
        #expect(throws: EngineError.self) { try Slice.parse("status-ish") }
    }
}
