import DeskstatCache
import DeskstatEngine
import DeskstatImport
import DeskstatReport
import DeskstatTime
import Foundation
import GRDB
import Testing
import ZendeskWire

/// Custom fields as slices and filters on the fixture account (fixtures/EXPECTED.md §12).
@Suite struct CustomFieldTests {
    static func created(_ result: KPIResult) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.current.kpis.map { ($0.key.label, $0.value.created) })
    }

    @Test func theCatalogComesFromTheCache() throws {
        let catalog = try FixtureAccount.facts().names.customFields
        #expect(catalog.fields.map(\.id) == [900001, 900002, 900003, 900004])
        #expect(catalog.fields.map(\.type) == ["tagger", "checkbox", "multiselect", "text"])
        #expect(catalog.fields[0].options.map(\.name) == ["Widgets", "Gadgets", "Platform"])
        #expect(try catalog.resolve("product").id == 900001)
        #expect(try catalog.resolve("900003").title == "Affected modules")
        #expect(try catalog.resolve("Legacy reference").displayTitle == "Legacy reference (inactive field)")
        #expect(throws: EngineError.self) { try catalog.resolve("Prodct") }
        do {
            _ = try catalog.resolve("Prodct")
        } catch {
            #expect(error.description.contains("did you mean \"Product\"?"))
            #expect(error.description.contains("\"Affected modules\" (900003)"))
        }
    }

    /// A dropdown by option name: created in W per product.
    @Test func dropdownSlices() throws {
        let result = try FixtureAccount.result(slice: .field("Product"))
        #expect(Self.created(result) == ["Widgets": 8, "Gadgets": 4, "Platform": 7, "(none)": 10])
        let widgets = try #require(result.current.kpis.first { $0.key.label == "Widgets" }?.value)
        let frt = widgets.stats(.firstReplyTime, .calendar)
        #expect(frt.count == 7 && frt.median == 50)
        let gadgets = try #require(result.current.kpis.first { $0.key.label == "Gadgets" }?.value)
        #expect(gadgets.stats(.firstReplyTime, .calendar).median == 82.5)
    }

    /// The same slice by id; a checkbox reads Yes/No.
    @Test func checkboxSlicesByID() throws {
        let result = try FixtureAccount.result(slice: try Slice.parse("field:900002"))
        #expect(Self.created(result) == ["Yes": 2, "No": 27])
    }

    /// A multiselect: a ticket counts under each option, so rows add up to more than the total.
    @Test func multiselectCountsEachOption() throws {
        let result = try FixtureAccount.result(slice: try Slice.parse("field:\"Affected modules\""))
        let solved = Dictionary(uniqueKeysWithValues: result.current.kpis.map { ($0.key.label, $0.value.solved) })
        #expect(solved["API"] == 2 && solved["Sync"] == 2 && solved["Reports"] == 1 && solved["(none)"] == 19)
        #expect(solved.values.reduce(0, +) == 24)
        #expect(result.totals.overall.solved == 22)
    }

    @Test func filters() throws {
        #expect(try FixtureAccount.result(filters: ["field:\"Product\"=Gadgets"]).current.overall.created == 4)
        #expect(try FixtureAccount.result(filters: ["field:Product=product_gadgets"]).current.overall.created == 4)
        #expect(try FixtureAccount.result(filters: ["field:Product!=Gadgets,none"]).current.overall.created == 15)
        #expect(try FixtureAccount.result(filters: ["field:900002=yes"]).current.overall.created == 2)
        #expect(try FixtureAccount.result(filters: ["field:Affected modules=API"]).current.overall.solved == 2)
        #expect(try FixtureAccount.result(filters: ["field:Product=none"]).current.overall.created == 10)
        do {
            _ = try FixtureAccount.result(filters: ["field:Product=Gadgts"])
            Issue.record("an unknown option must be an error")
        } catch {
            #expect(String(describing: error).contains("has no option \"Gadgts\" (did you mean \"Gadgets\"?)"))
        }
        #expect(throws: EngineError.self) { try FixtureAccount.result(filters: ["field:Nope=x"]) }
        #expect(throws: EngineError.self) { try TicketFilter.parse("field:=x") }
    }

    /// A tag no option has any more still slices and filters, marked.
    @Test func deletedOptionsStillResolve() throws {
        // A fresh copy of the fixture account where 1020 holds a tag no Product option has and
        // 1021 Gadgets; no other ticket has a Product.
        let path = NSTemporaryDirectory() + "deskstat-fields-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cache = try Cache.open(at: path)
        let sources = try ImportSource.resolve([FixtureAccount.root.appendingPathComponent("fixtures/account").path])
        _ = try Importer(cache: cache, options: .init(now: FixtureAccount.asOf)).run(sources)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM ticket_custom_fields WHERE field_id = 900001")
            try db.execute(
                sql: "INSERT INTO ticket_custom_fields (ticket_id, field_id, value) VALUES "
                    + "(1020, 900001, 'product_retired'), (1021, 900001, 'product_gadgets')")
        }
        let facts = try FactLoader(cache: cache).load(
            since: FixtureAccount.previousWindow.from, until: FixtureAccount.asOf + 1)
        let request = KPIRequest(
            window: FixtureAccount.currentWindow, previous: nil, asOf: FixtureAccount.asOf,
            timeZone: try ReportTimeZone("UTC"), filters: [], slice: .field("Product"))
        let result = try KPIEngine.compute(request, facts: facts)
        #expect(Self.created(result) == ["product_retired (deleted option)": 1, "Gadgets": 1, "(none)": 27])
        var filtered = request
        filtered.slice = nil
        filtered.filters = [try TicketFilter.parse("field:Product=product_retired")]
        #expect(try KPIEngine.compute(filtered, facts: facts).current.overall.created == 1)
    }

    @Test func definitionsNameFields() throws {
        let yaml = """
            title: T
            sections:
              - id: by_product
                title: By product
                kpis: [created]
                by: field:Product
                filters: ['field:"Escalated to engineering"=no']
            """
        let definition = try ReportDefinitions.parse(yaml: yaml, file: "t.yaml")
        try definition.validate()
        let request = ReportRequest(
            definition: definition, window: FixtureAccount.currentWindow, windowLabel: "W", previous: nil,
            previousLabel: nil, asOf: FixtureAccount.asOf, timeZone: try ReportTimeZone("UTC"), filters: [])
        let report = try ReportBuilder.build(request, facts: try FixtureAccount.facts())
        let table = try #require(report.sections.first?.tables.first)
        #expect(table.columns.first?.title == "Product")
        #expect(table.rows.map { $0[0] } == ["Gadgets", "Platform", "Widgets", "(none)"])
        // Without 1029 and 1033 (escalated, both Platform): 5 Platform tickets.
        #expect(table.rows.map { $0[1] } == [4, 5, 8, 10])
    }
}
