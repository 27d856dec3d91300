/// Why a condition cannot be evaluated; shown in warnings and `explain`.
struct Problem: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
