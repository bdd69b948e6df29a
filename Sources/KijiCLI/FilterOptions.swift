import ArgumentParser
import Corpus
import Foundation

/// `--where`, `--since`, `--until` and `--dates`: which documents of the
/// corpus a command sees. Shared by every command that reads a corpus.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Keep documents whose FIELD (a metadata key such as category, or id, source, title, date, date_origin, month, authors, urls) matches: FIELD=VALUE, FIELD!=VALUE, 'FIELD in A,B' or 'FIELD not in A,B'. Repeatable; all must hold.",
        valueName: "CONDITION"))
    var conditions: [String] = []

    @Option(name: .customLong("since"), help: ArgumentHelp("Keep documents dated on or after DATE (YYYY-MM-DD); undated ones are left out.", valueName: "DATE"))
    var since: String?

    @Option(name: .customLong("until"), help: ArgumentHelp("Keep documents dated on or before DATE (YYYY-MM-DD); undated ones are left out.", valueName: "DATE"))
    var until: String?

    @Option(name: .customLong("dates"), help: ArgumentHelp(
        "any (the default) or stated: keep only documents whose source states their date, not those dated from their text.", valueName: "WHICH"))
    var dates: String = "any"

    func validate() throws {
        _ = try filter()
    }

    /// The filter these options describe; a bad option is a usage error.
    func filter() throws -> DocumentFilter {
        func date(_ text: String?, _ flag: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else { throw ValidationError("\(flag) '\(text)' is not a date like 2025-01-31") }
            return date
        }
        guard dates == "any" || dates == "stated" else { throw ValidationError("--dates must be any or stated, not '\(dates)'") }
        let parsed: [FieldCondition]
        do { parsed = try conditions.map(FieldCondition.init(parsing:)) } catch let error as FilterError {
            throw ValidationError(error.description)
        }
        let filter = DocumentFilter(conditions: parsed, since: try date(since, "--since"), until: try date(until, "--until"),
                                    statedDatesOnly: dates == "stated")
        if let since = filter.since, let until = filter.until, since > until {
            throw ValidationError("--since \(since) is after --until \(until); no document could pass")
        }
        return filter
    }

    /// The options as command-line arguments, for manifests and rerun.
    var arguments: [String] {
        conditions.flatMap { ["--where", $0] } + (since.map { ["--since", $0] } ?? []) + (until.map { ["--until", $0] } ?? [])
            + (dates == "any" ? [] : ["--dates", dates])
    }
}
