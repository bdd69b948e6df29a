import Corpus
import Foundation
import LuaBridge

/// One self-test of a plugin: a small inline corpus, parameters, and the
/// rows the plugin must produce.
public struct PluginTestCase: Sendable {
    public let name: String
    public let parameters: [String: String]
    public let documents: [Document]
    /// Expected rows in order; each lists the columns it checks.
    public let rows: [[String: String]]
}

/// The result of one test case.
public struct PluginTestOutcome: Sendable {
    public let name: String
    /// Empty when the test passed.
    public let failures: [String]
    public var passed: Bool { failures.isEmpty }
}

extension PluginRunner {
    /// The plugin's tests: its `tests` field and the list a sibling
    /// `NAME_test.lua` returns.
    public func testCases() throws -> [PluginTestCase] {
        var values = spec.tests.map { ($0, spec.path) }
        let sibling = String(spec.path.dropLast(4)) + "_test.lua"
        if FileManager.default.fileExists(atPath: sibling) {
            let list: LuaValue
            do {
                let chunk = try environment.state.load(try environment.readSource(sibling), chunkName: PluginEnvironment.chunkName(for: sibling))
                defer { chunk.release() }
                list = try environment.state.call(chunk, results: 1)[0]
            } catch let error as LuaScriptError {
                throw PluginError(plugin: spec.name, scriptError: error)
            }
            guard let table = list.table else {
                throw PluginError(plugin: spec.name, message: "\(sibling): a test file must return a list of tests")
            }
            values += table.array.map { ($0, sibling) }
        }
        return try values.enumerated().map { index, item in try Self.testCase(item.0, number: index + 1, file: item.1, plugin: spec.name) }
    }

    static func testCase(_ value: LuaValue, number: Int, file: String, plugin: String) throws -> PluginTestCase {
        func fail(_ problem: String) -> PluginError {
            PluginError(plugin: plugin, message: "\(file): test \(number): \(problem)")
        }
        guard let table = value.table else { throw fail("a test is a table { name =, params =, documents =, rows = }") }
        let name = table["name"].string ?? "test \(number)"
        var parameters: [String: String] = [:]
        if let params = table["params"].table {
            for key in params.sortedStringKeys {
                guard let cell = Cell(params[key]) else { throw fail("params.\(key) must be a string, number or boolean") }
                parameters[key] = cell.text
            }
        }
        guard let documentList = table["documents"].table else { throw fail("'documents' must be a list of documents") }
        // Marked as a loaded corpus is, so tests see duplicate_of and boilerplate.
        let documents = DuplicateMarker.mark(try documentList.array.enumerated().map { i, item -> Document in
            guard let fields = item.table else { throw fail("documents[\(i + 1)] must be a table") }
            do {
                return try JSONLinesReader.document(from: try json(fields), source: file, stem: "test\(number)", line: i + 1)
            } catch let error as CorpusError {
                throw fail("documents[\(i + 1)]: \(error.problem)")
            }
        })
        guard let rowList = table["rows"].table else { throw fail("'rows' must be the list of expected rows") }
        let rows = try rowList.array.enumerated().map { i, item -> [String: String] in
            guard let row = item.table else { throw fail("rows[\(i + 1)] must be a table") }
            return try Dictionary(uniqueKeysWithValues: row.sortedStringKeys.map { key in
                guard let cell = Cell(row[key]) else { throw fail("rows[\(i + 1)].\(key) must be a string, number or boolean") }
                return (key, cell.text)
            })
        }
        return PluginTestCase(name: name, parameters: parameters, documents: documents, rows: rows)
    }

    /// A document table as JSON fields (the JSON Lines mapping applies).
    static func json(_ table: LuaTable) throws -> [String: JSONValue] {
        func convert(_ value: LuaValue) throws -> JSONValue {
            switch value {
            case .none: return .null
            case .boolean(let b): return .bool(b)
            case .integer(let i): return .integer(i)
            case .number(let d): return .number(d)
            case .string(let s): return .string(s)
            case .table(let t):
                if !t.array.isEmpty || t.entries.isEmpty { return .array(try t.array.map(convert)) }
                return .object(try Dictionary(uniqueKeysWithValues: t.sortedStringKeys.map { ($0, try convert(t[$0])) }))
            case .function, .other: throw LuaRuntimeError("documents hold only strings, numbers, booleans and tables")
            }
        }
        return try Dictionary(uniqueKeysWithValues: table.sortedStringKeys.map { ($0, try convert(table[$0])) })
    }

    /// Runs one test case.
    public func run(_ test: PluginTestCase) -> PluginTestOutcome {
        let table: ResultTable
        do {
            table = try run(on: test.documents, parameters: test.parameters)
        } catch {
            return PluginTestOutcome(name: test.name, failures: ["the plugin failed: \(error)"])
        }
        var failures: [String] = []
        if table.rows.count != test.rows.count {
            failures.append("expected \(test.rows.count) rows, got \(table.rows.count)")
        }
        for (i, expected) in test.rows.enumerated() where i < table.rows.count {
            for key in expected.keys.sorted() {
                guard let column = table.columns.firstIndex(of: key) else {
                    failures.append("row \(i + 1): no column '\(key)' (columns: \(table.columns.joined(separator: ", ")))")
                    continue
                }
                let actual = table.rows[i][column].text
                if actual != expected[key] {
                    failures.append("row \(i + 1), \(key): expected '\(expected[key]!)', got '\(actual)'")
                }
            }
        }
        return PluginTestOutcome(name: test.name, failures: failures)
    }
}
