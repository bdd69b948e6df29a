import Foundation

/// One self-contained HTML file: the chart (inline SVG), the parameters,
/// the table and the manifest. No scripts and no network: it works from
/// file://. Chart marks link to their table rows; rows that carry evidence
/// (a stance `evidence` column, kwic's `left`/`match`/`right`) link to their
/// passage.
public enum HTMLReport {
    public static func render(svg: String, table: ChartTable, caption: ChartCaption, parameters: [String: String],
                              manifest: String?) -> String {
        let evidence = Evidence(columns: table.columns)
        var html = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>\(e(caption.title))</title>\n<style>\n"
        html += "body{font-family:\(SVGCanvas.fontStack);margin:24px;color:#222;max-width:1100px}\n"
        html += "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}\n"
        html += "th{background:#f3f3f3}tr:target{background:#fff3c4}blockquote:target{background:#fff3c4}\n"
        html += "mark{background:#ffe08a}blockquote{margin:6px 0;padding:4px 10px;border-left:4px solid #0072B2}\n"
        html += "pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}.detail{color:#555}\n"
        html += "svg a .point:hover,svg a .bar:hover{stroke:#000;stroke-width:2}\n</style>\n</head>\n<body>\n"
        html += "<h1>\(e(caption.title))</h1>\n"
        for line in caption.details { html += "<p class=\"detail\">\(e(line))</p>\n" }
        html += "<figure id=\"chart\">\n\(linkMarks(svg))</figure>\n"
        html += "<h2>Parameters</h2>\n<table class=\"parameters\">\n<tr><th>name</th><th>value</th></tr>\n"
        for key in parameters.keys.sorted() { html += "<tr><td>\(e(key))</td><td>\(e(parameters[key] ?? ""))</td></tr>\n" }
        html += "</table>\n<h2>Table (\(table.rows.count) rows)</h2>\n<table class=\"result\">\n<tr><th>#</th>"
        html += table.columns.map { "<th>\(e($0))</th>" }.joined()
        html += evidence == nil ? "" : "<th>passage</th>"
        html += "</tr>\n"
        for (index, row) in table.rows.enumerated() {
            let number = index + 1
            html += "<tr id=\"row-\(number)\"><td>\(number)</td>" + table.columns.indices.map { "<td>\(e(table.cell(index, $0)))</td>" }.joined()
            if let evidence { html += evidence.hasPassage(row) ? "<td><a href=\"#passage-\(number)\">passage</a></td>" : "<td></td>" }
            html += "</tr>\n"
        }
        html += "</table>\n"
        if let evidence {
            html += "<h2>Passages</h2>\n"
            for (index, row) in table.rows.enumerated() where evidence.hasPassage(row) {
                html += "<blockquote id=\"passage-\(index + 1)\"><a href=\"#row-\(index + 1)\">row \(index + 1)</a> "
                html += "\(e(evidence.heading(row)))<br>\(evidence.passage(row))</blockquote>\n"
            }
        }
        if let manifest { html += "<h2>Manifest</h2>\n<pre class=\"manifest\">\(e(manifest))</pre>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    /// Which columns hold a row's passage.
    struct Evidence {
        let document: Int?
        let date: Int?
        let evidence: Int?
        let kwic: (left: Int, match: Int, right: Int)?

        init?(columns: [String]) {
            document = columns.firstIndex(of: "doc_id")
            date = columns.firstIndex(of: "date")
            evidence = columns.firstIndex(of: "evidence")
            if let l = columns.firstIndex(of: "left"), let m = columns.firstIndex(of: "match"), let r = columns.firstIndex(of: "right") {
                kwic = (l, m, r)
            } else {
                kwic = nil
            }
            if evidence == nil && kwic == nil { return nil }
        }

        private func cell(_ row: [String], _ index: Int?) -> String {
            guard let index, row.indices.contains(index) else { return "" }
            return row[index]
        }

        func hasPassage(_ row: [String]) -> Bool {
            if let kwic { return !cell(row, kwic.match).isEmpty }
            return !cell(row, evidence).isEmpty
        }

        func heading(_ row: [String]) -> String {
            [cell(row, document), cell(row, date)].filter { !$0.isEmpty }.joined(separator: " · ")
        }

        /// The passage as HTML, the match marked.
        func passage(_ row: [String]) -> String {
            if let kwic {
                return e(cell(row, kwic.left)) + "<mark>" + e(cell(row, kwic.match)) + "</mark>" + e(cell(row, kwic.right))
            }
            return e(cell(row, evidence))
        }
    }

    /// Wraps every chart mark that carries `data-row="N"` in a link to table row N.
    static func linkMarks(_ svg: String) -> String {
        var out = ""
        for line in svg.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: "data-row=\""), line.hasPrefix("<circle") || line.hasPrefix("<rect") || line.hasPrefix("<line") {
                let digits = line[range.upperBound...].prefix { $0.isNumber }
                if !digits.isEmpty, digits != "0" {
                    out += "<a href=\"#row-\(digits)\">\(line)</a>\n"
                    continue
                }
            }
            out += line + "\n"
        }
        return String(out.dropLast())
    }
}

private func e(_ text: String) -> String { SVGCanvas.escape(text) }
