import ArgumentParser
import Foundation
import PluginHost
import Text

/// `kiji validate`: compares a plugin's labels with hand-coded ones.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Compare a labelling plugin (such as stance) with your own hand coding.",
        discussion: """
        Runs PLUGIN over the corpus like 'kiji run', then compares its doc_id, target and stance columns with the gold CSV: a file with the columns doc_id,target,stance, one row per document and target you coded by hand (other columns are ignored).

        The report gives, per label, precision, recall, F1 and support; then the accuracy, Cohen's kappa between your coding and the plugin, and the confusion matrix (rows: your labels, columns: kiji's); then every disagreement with kiji's evidence sentence. Every gold row must match a row of the plugin's output.

        Example:
          kiji validate stance --gold examples/stance-gold/seeds-dev.csv
        """)

    @OptionGroup var invocation: PluginInvocation

    @Option(name: .customLong("gold"), help: ArgumentHelp("The hand-coded CSV (doc_id,target,stance).", valueName: "FILE"))
    var gold: String

    func run() throws {
        let labels: [GoldLabel]
        do { labels = try Validation.readGold(gold) } catch let error as PluginUsageError { throw KijiFailure.usage(error.description) }
        let outcome = try invocation.execute()
        let report: ValidationReport
        do {
            report = try Validation.compare(outcome.table, with: labels, goldPath: gold)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        }
        try Console.print(ValidationFormatter.render(report, plugin: outcome.run.name, gold: gold), terminator: "")
        Console.note(outcome.summary())
    }
}

/// The text of a validation report.
enum ValidationFormatter {
    static func render(_ report: ValidationReport, plugin: String, gold: String) -> String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        var text = "\(plugin) against \(gold): \(report.total) coded pairs, \(report.correct) agree "
            + "(accuracy \(number(Double(report.correct) / Double(max(report.total, 1)))), "
            + "Cohen's kappa \(number(Agreement.cohenKappa(report.confusion))))\n\n"
        var rows = [["label", "precision", "recall", "f1", "support"]]
        for score in report.scores {
            rows.append([score.label, number(score.precision), number(score.recall), number(score.f1), String(score.support)])
        }
        let f1s = report.scores.compactMap(\.f1)
        rows.append(["macro avg", "", "", number(f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(report.scores.count)), String(report.total)])
        text += DisplayWidth.table(rows)
        text += "\nconfusion matrix (rows: gold, columns: \(plugin))\n"
        var matrix = [["gold \\ \(plugin)"] + report.labels]
        for (i, label) in report.labels.enumerated() {
            matrix.append([label] + report.confusion[i].map(String.init))
        }
        text += DisplayWidth.table(matrix)
        text += "\ndisagreements (\(report.disagreements.count))\n"
        if !report.disagreements.isEmpty {
            var lines = [["doc_id", "target", "gold", plugin, "evidence"]]
            for d in report.disagreements { lines.append([d.docID, d.target, d.gold, d.predicted, d.evidence]) }
            text += DisplayWidth.table(lines)
        }
        return text
    }
}
