import Testing
@testable import PluginHost

@Suite struct DocumentBindingTests {
    let doc = document("d1", "2025-01-31", title: "日米同盟", "ＮＡＴＯと日米同盟。日米日米", authors: ["記者A", "記者B"])

    @Test func fieldsAreVisible() throws {
        #expect(try evaluate("doc.id .. '|' .. doc.date .. '|' .. doc.month .. '|' .. doc.date_origin", on: doc) == "d1|2025-01-31|2025-01|stated")
        #expect(try evaluate("doc.text", on: doc) == "日米同盟\nNATOと日米同盟。日米日米")
        #expect(try evaluate("doc.raw", on: doc) == "日米同盟\nＮＡＴＯと日米同盟。日米日米")
        #expect(try evaluate("table.concat(doc.authors, '+')", on: doc) == "記者A+記者B")
        #expect(try evaluate("tostring(doc)", on: doc) == "kiji.Document(d1)")
    }

    @Test func countIsNonOverlappingOnNormalisedText() throws {
        #expect(try evaluate("doc:count('日米')", on: doc) == "4")
        #expect(try evaluate("doc:count('ＮＡＴＯ')", on: doc) == "1")  // the term is normalised too
        #expect(try evaluate("doc:count('中国')", on: doc) == "0")
        let counts = "(function() local c = doc:count({'日米', 'NATO', '中国'}) return c['日米'] .. ',' .. c.NATO .. ',' .. c['中国'] end)()"
        #expect(try evaluate(counts, on: doc) == "4,1,0")
    }

    /// Lists count in one pass with exactly what counting each term alone gives:
    /// duplicates, terms that normalise alike, terms inside others, and repeated lists (cached).
    @Test func countWithAListMatchesCountingEachTermAlone() throws {
        let list = "{'日米', '日米同盟', 'NATO', 'ＮＡＴＯ', '日米', '米', '盟。日'}"
        let expression = "(function() local t = {} for round = 1, 3 do local c = doc:count(\(list)) t[round] = c['日米'] .. ',' .. c['日米同盟'] .. ',' .. c.NATO .. ',' .. c['ＮＡＴＯ'] .. ',' .. c['米'] .. ',' .. c['盟。日'] end return table.concat(t, ' ') end)()"
        #expect(try evaluate(expression, on: doc) == "4,2,1,1,4,1 4,2,1,1,4,1 4,2,1,1,4,1")
        #expect { try evaluate("doc:count({'日米', ''})", on: doc) } throws: { error in
            String(describing: error).contains("bad argument #1 to 'count' (empty search term)")
        }
        let runner = try plugin("""
            return { name = "c", columns = {"counts"},
              run = function(corpus, params, out)
                local c = corpus:count({"日米", "x", "日米"})
                out:row{ counts = c["日米"] .. "/" .. c.x .. "/" .. corpus:count("日米") }
              end }
            """)
        let table = try runner.run(on: [doc, document("b", nil, "日米x"), document("c", nil, "")], parameters: [:])
        #expect(csv(table) == "counts\n5/1/5\n")
    }

    @Test func containsAndFindAll() throws {
        #expect(try evaluate("tostring(doc:contains('同盟'))", on: doc) == "true")
        #expect(try evaluate("tostring(doc:contains('台湾'))", on: doc) == "false")
        let spans = "(function() local s = {} for _, m in ipairs(doc:find_all('同盟')) do s[#s+1] = m.start .. '-' .. m.stop .. ':' .. kiji.text.sub(doc.text, m.start, m.stop) end return table.concat(s, ' ') end)()"
        #expect(try evaluate(spans, on: doc) == "3-4:同盟 13-14:同盟")
    }

    @Test func badCallsAreClearErrors() throws {
        #expect { try evaluate("doc:count('')", on: doc) } throws: { error in
            String(describing: error).contains("bad argument #1 to 'count' (empty search term)")
        }
        #expect { try evaluate("doc:count({1})", on: doc) } throws: { error in
            String(describing: error).contains("bad argument #1 to 'count' (term #1 is a number, not a string)")
        }
        #expect { try evaluate("doc.count('x')", on: doc) } throws: { error in
            String(describing: error).contains("calling 'count' on bad self (kiji.Document expected, got string)")
        }
        #expect { try evaluate("doc.titel", on: doc) } throws: { error in
            String(describing: error).contains("kiji.Document has no field 'titel' (fields: id, source, line, title")
        }
    }

    @Test func tokensBelongToTheirDocumentAcrossRuns() throws {
        // A runner reused for many small corpora (as kiji test does) must
        // never hand one document the cached tokens of a freed one.
        let runner = try plugin("""
            return { name = "t", columns = {"first"},
              run = function(corpus, params, out) out:row{ first = corpus[1]:tokens()[1].surface } end }
            """)
        for (i, word) in ["日本", "中国", "米国", "台湾", "韓国"].enumerated() {
            for _ in 0..<10 {
                let table = try runner.run(on: [document("d\(i)", nil, word + "は")], parameters: [:])
                #expect(table.rows[0][0].text == word)
            }
        }
    }

    @Test func undatedDocumentsHaveNilDates() throws {
        let undated = document("u", nil, "本文")
        #expect(try evaluate("tostring(doc.date) .. tostring(doc.month) .. tostring(doc.date_origin)", on: undated) == "nilnilnil")
    }

    @Test func textHelpersWorkInCharacters() throws {
        #expect(try evaluate("kiji.text.len('日米同盟')", on: doc) == "4")
        #expect(try evaluate("kiji.text.sub('日米同盟', 2, 3)", on: doc) == "米同")
        #expect(try evaluate("kiji.text.normalize('ｱﾝﾄﾞﾛｲﾄﾞ')", on: doc) == "アンドロイド")
        #expect(try evaluate("table.concat(kiji.text.split('a,b,,c', ','), '|')", on: doc) == "a|b||c")
        #expect(try evaluate("kiji.text.trim('\u{3000} x ')", on: doc) == "x")
    }

    @Test func corpusPeriodsCoverFirstToLastDateThenUndated() throws {
        let runner = try plugin("""
            return { name = "p", columns = {"v"},
              run = function(corpus, params, out)
                out:row{ v = table.concat(corpus:periods(params.kind), " ") }
              end, params = { kind = { default = "month" } } }
            """)
        let docs = [document("a", "2024-11-30", "x"), document("b", nil, "y"), document("c", "2025-02-01", "z")]
        #expect(try runner.run(on: docs, parameters: [:]).rows[0][0].text == "2024-11 2024-12 2025-01 2025-02 undated")
        #expect(try runner.run(on: docs, parameters: ["kind": "fiscal_year"]).rows[0][0].text == "2024 undated")
        #expect(try runner.run(on: Array(docs.prefix(1)), parameters: ["kind": "quarter"]).rows[0][0].text == "2024-Q4")
        #expect { try runner.run(on: docs, parameters: ["kind": "decade"]) } throws: { error in
            String(describing: error).contains("bad argument #1 to 'periods' ('decade' is not one of day, week, month, quarter, year, fiscal_year)")
        }
    }

    @Test func corpusPeriodsCanCountOnlyStatedDates() throws {
        let runner = try plugin("""
            return { name = "p", columns = {"v"},
              run = function(corpus, params, out)
                out:row{ v = table.concat(corpus:periods("month", params.dates), " ") }
              end, params = { dates = { default = "any" } } }
            """)
        let docs = [document("a", "2024-11-30", "x"), document("t", nil, "2025年2月1日の記事")]
        #expect(docs[1].dateOrigin == .text)
        #expect(try runner.run(on: docs, parameters: [:]).rows[0][0].text == "2024-11 2024-12 2025-01 2025-02")
        #expect(try runner.run(on: docs, parameters: ["dates": "stated"]).rows[0][0].text == "2024-11 undated")
        #expect(try runner.run(on: Array(docs.suffix(1)), parameters: ["dates": "stated"]).rows[0][0].text == "undated")
        #expect { try runner.run(on: docs, parameters: ["dates": "text"]) } throws: { error in
            String(describing: error).contains("bad argument #2 to 'periods' (dates must be \"any\" or \"stated\", not 'text')")
        }
    }

    @Test func corpusIteratesAndCounts() throws {
        let runner = try plugin("""
            return { name = "c", columns = {"n", "ids"},
              run = function(corpus, params, out)
                local ids = {}
                for doc in corpus:documents() do ids[#ids + 1] = doc.id end
                out:row{ n = #corpus, ids = table.concat(ids, " ") .. " " .. tostring(corpus[3]) }
              end }
            """)
        let table = try runner.run(on: [document("a", nil, "x"), document("b", nil, "y")], parameters: [:])
        #expect(csv(table) == "n,ids\n2,a b nil\n")
    }
}
