import Testing

@testable import FakeZendesk

@Suite struct FakeJSONTests {
    @Test func writesCompactJSONWithKeysInOrder() {
        let value: FakeJSON = ["z": 1, "a": [true, nil, 2.5], "m": ["k": "v"], "e": [:], "l": []]
        #expect(value.text == #"{"z":1,"a":[true,null,2.5],"m":{"k":"v"},"e":{},"l":[]}"#)
    }

    @Test func escapesStrings() {
        let value: FakeJSON = .string("quote \" backslash \\ newline \n tab \t bell \u{07} é ✓")
        #expect(value.text == #""quote \" backslash \\ newline \n tab \t bell \u0007 é ✓""#)
    }

    @Test func objectSubscriptReplacesInPlaceAndAppends() {
        var object: FakeJSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        object["b"] = nil
        #expect(object.text == #"{"a":10,"c":3}"#)
        #expect(object.keys == ["a", "c"])
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (1_793_000_000, "2026-10-26T07:33:20Z"),
        (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"),
    ])
    func formatsAndParsesTimestamps(epoch: Int64, text: String) {
        #expect(FakeTime.iso8601(epoch) == text)
        #expect(FakeTime.epoch(text) == epoch)
    }

    @Test func cursorTokensRoundTrip() {
        let key = PageKey(major: 1_795_166_103, minor: 1035, name: "a|b")
        #expect(PageKey(token: key.token) == key)
        #expect(PageKey(token: "not a cursor") == nil)
        #expect(PageKey(token: PageKey.beforeAll.token) == .beforeAll)
    }
}
