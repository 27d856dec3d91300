import DeskstatEngine
import Testing

@Suite struct VolumeAndDurationTests {
    @Test func createdSolvedBacklog() throws {
        let result = try FixtureAccount.result()
        #expect(result.current.overall.created == 29)
        #expect(result.current.overall.solved == 22)
        #expect(result.current.overall.backlog == 17)
        #expect(result.current.overall.backlogByStatus == ["new": 4, "open": 6, "pending": 4, "hold": 3])
        let previous = try #require(result.previous?.overall)
        #expect(previous.created == 15)
        #expect(previous.solved == 10)
        #expect(previous.backlog == nil)
    }

    /// (KPI, clock, n, median, p90, mean) for W from EXPECTED.md §2.
    static let currentWindow: [(KPI, Clock, Int, Double, Double, Double)] = [
        (.firstReplyTime, .calendar, 23, 50, 676, 4310.0 / 23), (.firstReplyTime, .business, 23, 45, 138, 1405.0 / 23),
        (.firstResolutionTime, .calendar, 22, 652.5, 6784, 55050.0 / 22),
        (.firstResolutionTime, .business, 22, 257.5, 1320, 12905.0 / 22),
        (.fullResolutionTime, .calendar, 22, 1272.5, 7448.5, 73640.0 / 22),
        (.fullResolutionTime, .business, 22, 290, 1688.5, 17095.0 / 22),
        (.requesterWaitTime, .calendar, 22, 287.5, 3465, 39480.0 / 22),
        (.requesterWaitTime, .business, 22, 155, 747, 9015.0 / 22),
        (.agentWaitTime, .calendar, 22, 125, 4449, 30590.0 / 22), (.agentWaitTime, .business, 22, 90, 972, 7360.0 / 22),
        (.onHoldTime, .calendar, 22, 0, 216, 19370.0 / 22), (.onHoldTime, .business, 22, 0, 216, 4970.0 / 22),
        (.agentWorkTime, .calendar, 22, 257.5, 2225.5, 20110.0 / 22),
        (.agentWorkTime, .business, 22, 125, 434.5, 4045.0 / 22),
    ]

    @Test(arguments: currentWindow.indices)
    func durationsInTheCurrentWindow(index: Int) throws {
        let (kpi, clock, count, median, p90, mean) = Self.currentWindow[index]
        let stats = try FixtureAccount.result().current.overall.stats(kpi, clock)
        #expect(stats.count == count, "\(kpi) \(clock)")
        #expect(close(stats.median, median), "\(kpi) \(clock) median \(String(describing: stats.median))")
        #expect(close(stats.p90, p90), "\(kpi) \(clock) p90 \(String(describing: stats.p90))")
        #expect(close(stats.mean, mean), "\(kpi) \(clock) mean \(String(describing: stats.mean))")
    }

    @Test func durationsInThePreviousWindow() throws {
        let previous = try #require(try FixtureAccount.result().previous?.overall)
        let frt = previous.stats(.firstReplyTime, .calendar)
        #expect(frt.count == 13 && close(frt.median, 55) && close(frt.p90, 2065) && close(frt.mean, 8055.0 / 13))
        let frtBusiness = previous.stats(.firstReplyTime, .business)
        #expect(close(frtBusiness.median, 40) && close(frtBusiness.p90, 98) && close(frtBusiness.mean, 635.0 / 13))
        let firstResolution = previous.stats(.firstResolutionTime, .calendar)
        #expect(
            firstResolution.count == 10 && close(firstResolution.median, 120) && close(firstResolution.p90, 2187)
                && close(firstResolution.mean, 1187))
        let agentWork = previous.stats(.agentWorkTime, .business)
        #expect(close(agentWork.median, 77.5) && close(agentWork.p90, 232.5) && close(agentWork.mean, 135))
    }

    @Test func reopenAndOneTouch() throws {
        let result = try FixtureAccount.result()
        #expect(result.current.overall.reopen == Rate(numerator: 3, denominator: 22))
        #expect(result.current.overall.oneTouch == Rate(numerator: 8, denominator: 22))
        #expect(result.previous?.overall.reopen == Rate(numerator: 1, denominator: 10))
        #expect(result.previous?.overall.oneTouch == Rate(numerator: 4, denominator: 10))
    }

    @Test func percentilesInterpolateBetweenClosestRanks() {
        let stats = DurationStats([10, 20, 30, 40])
        #expect(stats.median == 25)
        #expect(close(stats.p90, 37))
        #expect(DurationStats([]).median == nil)
        #expect(DurationStats([7]).p90 == 7)
    }
}
