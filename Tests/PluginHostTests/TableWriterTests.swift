import Testing
@testable import PluginHost

@Suite struct TableWriterTests {
    let table = ResultTable(columns: ["a", "b"], rows: [
        [.string("x,y"), .string("say \"hi\"")],
        [.string("two\nlines"), .integer(-3)],
        [.empty, .number(0.25)],
        [.boolean(true), .number(2.0)],
        [.string("=SUM(A1)"), .string("日本\t語")],
    ])

    @Test func csvQuotesOnlyWhatNeedsQuoting() {
        #expect(TableWriter().render(table) ==
            "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",-3\n,0.25\ntrue,2\n=SUM(A1),日本\t語\n")
        #expect(TableWriter(byteOrderMark: true).render(table).hasPrefix("\u{FEFF}a,b\n"))
    }

    @Test func tsvQuotesTabsAndLineBreaks() {
        #expect(TableWriter(format: .tsv).render(table) ==
            "a\tb\nx,y\t\"say \"\"hi\"\"\"\n\"two\nlines\"\t-3\n\t0.25\ntrue\t2\n=SUM(A1)\t\"日本\t語\"\n")
    }

    @Test func jsonLinesKeepTypesAndColumnOrder() {
        #expect(TableWriter(format: .jsonl).render(table) == """
            {"a":"x,y","b":"say \\"hi\\""}
            {"a":"two\\nlines","b":-3}
            {"a":null,"b":0.25}
            {"a":true,"b":2}
            {"a":"=SUM(A1)","b":"日本\\t語"}

            """)
    }

    @Test func tableAlignsByDisplayWidth() {
        let small = ResultTable(columns: ["term", "n"], rows: [[.string("日米同盟"), .integer(12)], [.string("NATO"), .integer(3)]])
        #expect(TableWriter(format: .table).render(small) == "term      n\n日米同盟  12\nNATO      3\n")
    }

    @Test func excelModeProtectsFormulasAndUsesCRLFAndBOM() {
        let cells = ResultTable(columns: ["v"], rows: [[.string("=1+1")], [.string("+81")], [.string("-x")], [.string("@a")],
                                                       [.integer(-3)], [.string("ok")]])
        #expect(TableWriter.excel.render(cells) == "\u{FEFF}v\r\n'=1+1\r\n'+81\r\n'-x\r\n'@a\r\n-3\r\nok\r\n")
    }
}
