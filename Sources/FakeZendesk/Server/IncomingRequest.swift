import FlyingFox
import Foundation

/// A request as the fake reads it: method, path, form-decoded query, lowercased headers.
struct IncomingRequest: Sendable {
    let method: String
    let path: String
    let rawQuery: String
    let query: [RecordedRequest.QueryItem]
    let headers: [String: String]

    init(_ request: HTTPRequest) {
        method = request.method.rawValue
        path = request.path
        rawQuery = request.target.query(percentEncoded: true)
        query = Self.decodeQuery(rawQuery)
        var headers: [String: String] = [:]
        for (header, value) in request.headers { headers[header.rawValue.lowercased()] = value }
        self.headers = headers
    }

    var authorization: String? { headers["authorization"] }

    /// The first value of a query item.
    func value(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether any query item has this name.
    func has(_ name: String) -> Bool {
        query.contains { $0.name == name }
    }

    /// Decodes `a=1&b=x%2By+z` as a form: `+` is a space, then percent escapes are decoded.
    static func decodeQuery(_ raw: String) -> [RecordedRequest.QueryItem] {
        raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = formDecode(parts[0])
            let value = parts.count > 1 ? formDecode(parts[1]) : ""
            return RecordedRequest.QueryItem(name: name, value: value)
        }
    }

    static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    func record(status: Int, faults: [Fault], receivedAt: Double) -> RecordedRequest {
        RecordedRequest(
            method: method, path: path, rawQuery: rawQuery, query: query, headers: headers,
            authorization: authorization,
            status: status, faults: faults, receivedAt: receivedAt)
    }
}
