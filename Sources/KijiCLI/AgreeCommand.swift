import ArgumentParser
import Foundation
import PluginHost
import Text

/// `kiji agree`: intercoder agreement between hand-coding files.
struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Intercoder agreement of two or more coding files: kappa, Krippendorff's alpha, confusion table.",
        discussion: """
        Each file is one coder's coding in the format of 'kiji validate --gold': the columns doc_id,target,stance, one row per document and target (other columns are ignored). A unit is a (doc_id, target) pair; a unit missing from a file, or with an empty stance cell, is a missing value for that coder.

        Prints percent agreement (the share of agreeing pairs of values within units), Krippendorff's alpha for nominal data (any number of coders, missing values allowed), Cohen's kappa (two coders: over the units both coded; more coders: for every pair), and the confusion table (two coders: rows the first file, columns the second; more coders: Krippendorff's coincidence matrix).

        Example:
          kiji agree coder-a.csv coder-b.csv
        """)

    @Argument(help: ArgumentHelp("Coding files (doc_id,target,stance), one per coder.", valueName: "CODER.csv"))
    var files: [String] = []

    func run() throws {
        guard files.count >= 2 else {
            throw KijiFailure.usage("agree needs at least two coding files, one per coder (got \(files.count)); see 'kiji help agree'")
        }
        var codings: [[GoldLabel]] = []
        for file in files {
            do {
                codings.append(try Validation.readGold(file, kind: "coding file", emptyStanceIsMissing: true))
            } catch let error as PluginUsageError {
                throw KijiFailure.usage(error.description)
            }
        }
        try Console.print(AgreementFormatter.render(ReliabilityData(codings: codings), coders: files), terminator: "")
    }
}

/// The text of an agreement report.
enum AgreementFormatter {
    static func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }

    static func render(_ data: ReliabilityData, coders: [String]) -> String {
        let units = data.values.first?.count ?? 0
        let coded = (0..<units).map { unit in data.values.filter { $0[unit] != nil }.count }
        let complete = coded.filter { $0 == coders.count }.count
        let unpairable = coded.filter { $0 < 2 }.count
        var text = "\(coders.count) coders, \(units) units: \(complete) coded by every coder"
        if unpairable > 0 { text += ", \(unpairable) by one coder only (not pairable)" }
        text += "\n\n"
        var summary = [["percent agreement", number(Agreement.percentAgreement(data))]]
        let categories = data.categories
        if coders.count == 2 {
            summary.append(["Cohen's kappa", number(Agreement.cohenKappa(Agreement.crossTable(data, 0, 1, categories: categories)))])
        }
        summary.append(["Krippendorff's alpha (nominal)", number(Agreement.krippendorffAlpha(data))])
        text += DisplayWidth.table(summary)
        if coders.count == 2 {
            let table = Agreement.crossTable(data, 0, 1, categories: categories)
            text += "\nconfusion table (rows: \(coders[0]), columns: \(coders[1]))\n"
            text += DisplayWidth.table(matrix(categories, table.map { $0.map(String.init) }, corner: "\(coders[0]) \\ \(coders[1])"))
            return text
        }
        text += "\npairwise Cohen's kappa (units both coded)\n"
        var pairs = [["coder a", "coder b", "units", "agreement", "kappa"]]
        for a in coders.indices {
            for b in coders.indices where b > a {
                let table = Agreement.crossTable(data, a, b, categories: categories)
                let total = table.reduce(0) { $0 + $1.reduce(0, +) }
                let agreeing = table.indices.reduce(0) { $0 + table[$1][$1] }
                pairs.append([coders[a], coders[b], String(total),
                              number(total == 0 ? nil : Double(agreeing) / Double(total)), number(Agreement.cohenKappa(table))])
            }
        }
        text += DisplayWidth.table(pairs)
        text += "\ncoincidence matrix (pairs of values within units, weighted 1/(values in unit - 1))\n"
        let coincidences = Agreement.coincidences(data)
        text += DisplayWidth.table(matrix(categories, coincidences.map { $0.map { number($0) } }, corner: ""))
        return text
    }

    private static func matrix(_ categories: [String], _ cells: [[String]], corner: String) -> [[String]] {
        [[corner] + categories] + categories.indices.map { [categories[$0]] + cells[$0] }
    }
}
