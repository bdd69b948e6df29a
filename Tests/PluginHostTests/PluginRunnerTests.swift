import Testing
@testable import PluginHost

let monthlyPlugin = """
    return {
      name = "monthly",
      description = "terms per month",
      params = { terms = { type = "list", default = "中国,台湾", help = "terms" },
                 minimum = { type = "integer", default = "0", help = "ignored" } },
      columns = { "month", "term", "mentions", "articles_total" },
      group_by = { "month", "term" },
      aggregate = { mentions = "sum", articles_total = "sum" },
      periods = { month = "month" },
      levels = function(params) return { term = params.terms } end,
      map = function(doc, emit, params)
        local counts = doc:count(params.terms)
        for _, term in ipairs(params.terms) do
          emit { month = doc.month or "undated", term = term, mentions = counts[term], articles_total = 1 }
        end
      end,
    }
    """

@Suite struct PluginRunnerTests {
    let docs = [
        document("a", "2025-01-05", "中国と台湾。中国"),
        document("b", "2025-03-01", "台湾海峡"),
        document("c", nil, "中国"),
    ]

    @Test func mapPluginAggregatesCompletesAndOrders() throws {
        let runner = try plugin(monthlyPlugin)
        #expect(runner.name == "monthly")
        #expect(runner.outputColumns == ["month", "term", "mentions", "articles_total"])
        #expect(csv(try runner.run(on: docs, parameters: [:])) == """
            month,term,mentions,articles_total
            2025-01,中国,2,1
            2025-01,台湾,1,1
            2025-02,中国,0,0
            2025-02,台湾,0,0
            2025-03,中国,0,1
            2025-03,台湾,1,1
            undated,中国,1,1
            undated,台湾,0,1

            """)
        #expect(csv(try runner.run(on: docs, parameters: ["terms": " 台湾 "])).hasPrefix("month,term,mentions,articles_total\n2025-01,台湾,1,1\n2025-02,台湾,0,0\n"))
    }

    @Test func outputDoesNotDependOnInputOrder() throws {
        let runner = try plugin(monthlyPlugin)
        #expect(try runner.run(on: docs, parameters: [:]) == runner.run(on: docs.reversed(), parameters: [:]))
    }

    @Test func runsLeakNoRegistryReferences() throws {
        let runner = try plugin(monthlyPlugin)
        _ = try runner.run(on: docs, parameters: [:])
        let afterFirst = runner.environment.state.liveReferenceCount
        for _ in 0..<20 {
            _ = try runner.run(on: docs, parameters: ["terms": "中国"])
            _ = try? runner.run(on: docs, parameters: ["nope": "1"])
        }
        #expect(runner.environment.state.liveReferenceCount == afterFirst)

        let failing = try plugin("""
            return { name = "f", group_by = {"k"}, aggregate = {},
              map = function(doc, emit) if doc.id == "b" then error("boom") end emit { k = 1 } end }
            """)
        _ = try? failing.run(on: docs, parameters: [:])
        let baseline = failing.environment.state.liveReferenceCount
        for _ in 0..<20 { _ = try? failing.run(on: docs, parameters: [:]) }
        #expect(failing.environment.state.liveReferenceCount == baseline)
    }

    @Test func emptyCorpusGivesHeaderOnly() throws {
        #expect(csv(try plugin(monthlyPlugin).run(on: [], parameters: [:])) == "month,term,mentions,articles_total\n")
    }

    @Test(arguments: [
        (["nope": "1"], "plugin 'monthly' has no parameter 'nope' (known: minimum, terms)"),
        (["terms": "中国,,台湾"], "parameter 'terms' of plugin 'monthly' has an empty item in '中国,,台湾'; separate items with single commas"),
        (["terms": "NATO,ＮＡＴＯ"], "parameter 'terms' of plugin 'monthly' lists 'NATO' and 'ＮＡＴＯ', which are the same after normalisation"),
        (["terms": ""], "parameter 'terms' of plugin 'monthly' is empty; give comma-separated items"),
        (["minimum": "x"], "parameter 'minimum' of plugin 'monthly' must be a whole number, not 'x'"),
    ])
    func badParametersAreUsageErrors(parameters: [String: String], message: String) throws {
        let runner = try plugin(monthlyPlugin)
        #expect { try runner.run(on: docs, parameters: parameters) } throws: { error in
            (error as? PluginUsageError)?.description == message
        }
    }

    @Test func runtimeErrorNamesPluginLineDocumentAndTraceback() throws {
        let runner = try plugin("""
            return { name = "broken", group_by = {"k"}, aggregate = {},
              map = function(doc, emit, params)
                if doc.id == "b" then
                  local missing = nil
                  return missing.field
                end
                emit { k = 1 }
              end }
            """)
        #expect { try runner.run(on: docs, parameters: [:]) } throws: { error in
            guard let error = error as? PluginError else { return false }
            return error.plugin == "broken" && error.documentID == "b"
                && error.location?.hasSuffix("probe.lua:5") == true
                && error.message.hasSuffix("probe.lua:5: attempt to index a nil value (local 'missing')")
                && error.traceback.hasPrefix("stack traceback:")
                && String(describing: error).contains("while processing document 'b'")
        }
    }

    @Test(arguments: [
        ("return 5", "the plugin must return a table, not number"),
        ("return {}", "the plugin table needs a 'name' string"),
        ("return { name = 'x' }", "the plugin table needs a 'map' or a 'run' function"),
        ("return { name = 'x', map = function() end }", "a map plugin needs 'group_by', the list of key columns"),
        ("return { name = 'x', run = function() end }", "a run plugin needs 'columns', the list of output columns in order"),
        ("return { name = 'x', group_by = {'a'}, aggregate = { n = 'median' }, map = function() end }", "aggregate.n must be one of sum, count, min, max, mean, distinct, distinct_approx"),
        ("return { name = 'x', group_by = {'a'}, columns = {'a', 'b'}, map = function() end }", "column 'b' is neither a group_by key nor an aggregate column"),
    ])
    func contractViolationsAreExplained(source: String, problem: String) throws {
        #expect { try plugin(source) } throws: { error in
            (error as? PluginError)?.message.hasSuffix("probe.lua: \(problem)") == true
        }
    }

    @Test func syntaxErrorsNameTheLine() throws {
        #expect { try plugin("return {\n  name = 'x',\n  map = function(\n}") } throws: { error in
            guard let error = error as? PluginError else { return false }
            return error.location?.hasSuffix("probe.lua:4") == true
        }
    }

    @Test func requireLoadsModulesFromThePluginFolderOnly() throws {
        let runner = try plugin("""
            local helper = require("helper")
            return { name = "r", columns = {"v"},
              run = function(corpus, params, out)
                out:row{ v = helper.shout("ok") .. tostring(require("helper") == helper) }
              end }
            """, modules: ["helper": "return { shout = function(s) return s:upper() end }"])
        #expect(csv(try runner.run(on: [], parameters: [:])) == "v\nOKtrue\n")
        #expect { try plugin("local x = require('../etc/passwd') return {}") } throws: { error in
            String(describing: error).contains("bad argument #1 to 'require' (module names use letters, digits, '_', '-' and '.')")
        }
        #expect { try plugin("local x = require('nowhere') return {}") } throws: { error in
            String(describing: error).contains("module 'nowhere' not found; looked in:")
        }
    }

    @Test func runPluginRowsMustUseDeclaredColumns() throws {
        let runner = try plugin("""
            return { name = "r", columns = {"a"},
              run = function(corpus, params, out) out:row{ a = 1, b = 2 } end }
            """)
        #expect { try runner.run(on: [], parameters: [:]) } throws: { error in
            String(describing: error).contains("out:row: column 'b' is not in the plugin's columns (a)")
        }
    }

    @Test func brokenUTF8InOutputIsExplained() throws {
        let runner = try plugin("""
            return { name = "r", columns = {"a"},
              run = function(corpus, params, out) out:row{ a = string.sub("日本", 1, 2) } end }
            """)
        #expect { try runner.run(on: [], parameters: [:]) } throws: { error in
            String(describing: error).contains("field 'a': string is not valid UTF-8 (string.sub cuts bytes; use kiji.text.sub to cut characters)")
        }
    }
}
