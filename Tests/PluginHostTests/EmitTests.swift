import Corpus
import Testing
@testable import PluginHost

@Suite struct EmitTests {
    static func probe(_ body: String) -> String {
        """
        return { name = "probe", group_by = {"k"}, aggregate = { n = "sum", low = "min" },
          map = function(doc, emit)
            \(body)
          end }
        """
    }

    @Test(arguments: [
        ("emit { k = 'x', extra = 1 }", "emit: column 'extra' is neither a group_by key nor an aggregate column"),
        ("emit { n = 1 }", "emit: the row has no value for group_by key 'k'"),
        ("emit { k = 0/0, n = 1 }", "emit: group_by key 'k' is NaN (not a number); a NaN cannot name a group"),
        ("emit { k = 'x', n = 'many' }", "emit: 'n' is aggregated with sum and needs a number, got 'many'"),
        ("emit { k = {}, n = 1 }", "bad argument #1 to 'emit' (column 'k' holds a table; use a string, number or boolean)"),
        ("emit { 'a', k = 'x' }", "bad argument #1 to 'emit' (row keys must be column names (strings))"),
        ("emit(nil)", "bad argument #1 to 'emit' (table expected, got nil)"),
        ("emit { k = '\\xff', n = 1 }", "string is not valid UTF-8 (string.sub cuts bytes; use kiji.text.sub to cut characters)"),
        ("emit { { k = 'x', n = 1 }, 5 }", "bad argument #1 to 'emit' (item 2 of the list of rows is a number, not a row table)"),
        ("emit { { k = 'x', n = 1 }, { k = 'y', extra = 2 } }",
         "emit: column 'extra' is neither a group_by key nor an aggregate column (item 2 of the list of rows)"),
        ("emit { { k = 'x', n = 1 }, { k = 'y', n = {} } }",
         "bad argument #1 to 'emit' (column 'n' holds a table; use a string, number or boolean) (item 2 of the list of rows)"),
        ("local rows = { { k = 'x', n = 1 } }; rows.k = 'z'; emit(rows)",
         "bad argument #1 to 'emit' (a list of rows has field 'k' besides items 1 to 1; give one row or a list of rows)"),
    ])
    func badRowsGiveClearErrors(body: String, message: String) throws {
        let runner = try plugin(Self.probe(body))
        for jobs in [1, 2] {
            runner.jobs = jobs
            #expect { _ = try runner.run(on: generatedCorpus(count: 3, seed: 1), parameters: [:]) } throws: { error in
                let error = try #require(error as? PluginError)
                return error.message.hasSuffix(message) && error.documentID == "g0"
            }
        }
    }

    @Test func aListOfRowsEqualsRowByRow() throws {
        let documents = generatedCorpus(count: 120, seed: 4)
        let single = try plugin(Self.probe("""
            for i = 1, 3 do emit { k = doc.month or i, n = #doc.text % 7 + i / 4, low = doc.id } end
            emit { k = true, n = 1 }
            """))
        let listed = try plugin(Self.probe("""
            local rows = {}
            for i = 1, 3 do rows[#rows + 1] = { k = doc.month or i, n = #doc.text % 7 + i / 4, low = doc.id } end
            rows[#rows + 1] = { k = true, n = 1 }
            emit(rows)
            """))
        let expected = csv(try single.run(on: documents, parameters: [:]))
        #expect(expected.hasPrefix("k,low,n\n1,g13,37\n"))
        #expect(csv(try listed.run(on: documents, parameters: [:])) == expected)
    }

    @Test func keysThatAreEqualAsGroupsShareOneGroup() throws {
        let runner = try plugin(Self.probe("emit { k = 1, n = 1 } emit { k = 1.0, n = 2 } emit { k = 'caf\\u{E9}', n = 1 } emit { k = 'cafe\\u{301}', n = 1 }"))
        #expect(csv(try runner.run(on: generatedCorpus(count: 2, seed: 1), parameters: [:])) == "k,low,n\n1,,6\ncafé,,4\n")
    }
}
