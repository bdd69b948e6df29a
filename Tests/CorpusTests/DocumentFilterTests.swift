import Testing
@testable import Corpus

@Suite struct DocumentFilterTests {
    static let documents = [
        Document(id: "a", source: "f", line: 1, title: "", body: "本文", date: CalendarDate(iso: "2025-01-31"), authors: ["記者A", "記者B"],
                 meta: ["category": .string("政治"), "page": .integer(3)]),
        Document(id: "b", source: "f", line: 2, title: "", body: "2024年5月1日に発表", date: nil, meta: ["category": .string("経済")]),
        Document(id: "c", source: "f", line: 3, title: "", body: "日付なし", date: nil, meta: ["category": .string("ｽﾎﾟｰﾂ")]),
    ]

    func kept(_ filter: DocumentFilter) -> [String] { filter.apply(to: Self.documents).map(\.id) }

    func kept(_ conditions: String...) throws -> [String] {
        kept(DocumentFilter(conditions: try conditions.map(FieldCondition.init(parsing:))))
    }

    @Test func conditionsOnMetadataAndFields() throws {
        #expect(try kept("category=政治") == ["a"])
        #expect(try kept("category!=政治") == ["b", "c"])
        #expect(try kept("category in 政治, 経済") == ["a", "b"])
        #expect(try kept("category not in 政治,経済") == ["c"])
        #expect(try kept("category=スポーツ") == ["c"])  // both sides normalised: ｽﾎﾟｰﾂ is スポーツ
        #expect(try kept("page=3") == ["a"])
        #expect(try kept("authors=記者B") == ["a"])
        #expect(try kept("date_origin=text") == ["b"])
        #expect(try kept("page=") == ["b", "c"])  // an empty value keeps documents without the field
        #expect(try kept("category in 政治,経済", "id!=a") == ["b"])  // every condition must hold
        #expect(try FieldCondition(parsing: "title=a in b") == FieldCondition(field: "title", values: ["a in b"]))
        #expect(try FieldCondition(parsing: "title in a=b,c") == FieldCondition(field: "title", values: ["a=b", "c"]))
    }

    @Test func datesAndStatedDates() {
        #expect(kept(DocumentFilter(since: CalendarDate(iso: "2024-06-01"))) == ["a"])
        #expect(kept(DocumentFilter(until: CalendarDate(iso: "2024-06-01"))) == ["b"])  // undated c is left out
        #expect(kept(DocumentFilter(statedDatesOnly: true)) == ["a"])
        #expect(kept(DocumentFilter()) == ["a", "b", "c"])
    }

    @Test func badConditionsAreClearErrors() {
        #expect { try FieldCondition(parsing: "category") } throws: {
            ($0 as? FilterError)?.description == "--where 'category' is not FIELD=VALUE, FIELD!=VALUE, 'FIELD in A,B' or 'FIELD not in A,B'"
        }
        #expect { try FieldCondition(parsing: "=x") } throws: {
            ($0 as? FilterError)?.description.hasPrefix("--where '=x': the field name is missing or has spaces") == true
        }
        #expect { try FieldCondition(parsing: "a in x,,y") } throws: {
            ($0 as? FilterError)?.description == "--where 'a in x,,y': the list of values has an empty item"
        }
    }

    @Test func misspeltFieldsNameTheNearestOne() throws {
        let filter = DocumentFilter(conditions: [try FieldCondition(parsing: "categry=政治"), try FieldCondition(parsing: "category=政治")])
        #expect(filter.warnings(for: Self.documents) == [
            "no document has the field 'categry' (did you mean 'category'?); fields: authors, category, date, date_origin, id, month, page, source, title, urls",
        ])
        #expect(DocumentFields.distance("categry", "category") == 1 && DocumentFields.distance("", "ab") == 2)
    }

    @Test func corpusKeepsFileCountsAndCountsWhatWasLeftOut() throws {
        let corpus = Corpus(documents: Self.documents, files: [CorpusFile(path: "f", location: "f", documentCount: 3)])
        let kept = corpus.keeping(DocumentFilter(conditions: [try FieldCondition(parsing: "category=政治")]))
        #expect(kept.documents.map(\.id) == ["a"] && kept.filteredOut == 2 && kept.files.count == 1)
    }
}
