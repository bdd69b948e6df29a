import Corpus
import Foundation
import TestSupport
@testable import PluginHost

/// Writes `source` as a plugin file in a fresh folder and loads it.
func plugin(_ source: String, name: String = "probe", modules: [String: String] = [:],
            moduleDirectories: [String] = []) throws -> PluginRunner {
    let folder = try temporaryFolder()
    for (module, text) in modules { try write(text, to: "\(folder)/lib/\(module).lua") }
    let path = "\(folder)/\(name).lua"
    try write(source, to: path)
    return try PluginRunner(path: path, moduleDirectories: moduleDirectories)
}

func document(_ id: String, _ date: String?, title: String = "", _ body: String, authors: [String] = []) -> Document {
    Document(id: id, source: "fixture", line: 1, title: title, body: body,
             date: date.flatMap { CalendarDate(iso: $0) }, authors: authors)
}

func csv(_ table: ResultTable) -> String { TableWriter().render(table) }

/// A run-form plugin that returns one row with `expression` evaluated for the first document.
func evaluate(_ expression: String, on doc: Document) throws -> String {
    let runner = try plugin("""
        return { name = "eval", columns = {"value"},
          run = function(corpus, params, out) local doc = corpus[1]; out:row{ value = \(expression) } end }
        """)
    let table = try runner.run(on: [doc], parameters: [:])
    return table.rows[0][0].text
}
