import CSV
import Foundation

/// One hand-coded label.
public struct GoldLabel: Sendable, Equatable {
    public let docID: String
    public let target: String
    public let stance: String
    /// The CSV row (1 = the first row after the header).
    public let row: Int
}

/// Plugin labels compared with hand-coded ones.
public struct ValidationReport: Sendable {
    public struct LabelScore: Sendable {
        public let label: String
        public let precision: Double?
        public let recall: Double?
        public let f1: Double?
        public let support: Int
    }

    public struct Disagreement: Sendable {
        public let docID: String
        public let target: String
        public let gold: String
        public let predicted: String
        public let evidence: String
    }

    /// Every label seen in the gold or the predictions, sorted.
    public let labels: [String]
    public let scores: [LabelScore]
    public let correct: Int
    public let total: Int
    /// confusion[gold][predicted], indexed like `labels`.
    public let confusion: [[Int]]
    public let disagreements: [Disagreement]
}

/// Reads gold CSVs and scores plugin output against them.
public enum Validation {
    /// Reads `doc_id,target,stance` (other columns are ignored; a UTF-8
    /// byte-order mark from Excel is dropped). `kind` names the file in
    /// errors ("gold file", "coding file"). With `emptyStanceIsMissing`, a
    /// row with an empty stance is a unit the coder left uncoded: it is
    /// skipped (but still may not repeat a unit).
    public static func readGold(_ path: String, kind: String = "gold file", emptyStanceIsMissing: Bool = false) throws -> [GoldLabel] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PluginUsageError("cannot read the \(kind) '\(path)'")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw PluginUsageError("\(path): the \(kind) is not UTF-8; save it as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw PluginUsageError("\(path): not a CSV file (\(error))")
        }
        let header = reader.headerRow ?? []
        let missing = ["doc_id", "target", "stance"].filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw PluginUsageError("\(path): the \(kind) needs the columns doc_id,target,stance (missing: \(missing.joined(separator: ", ")))")
        }
        var labels: [GoldLabel] = []
        var seen: [String: Int] = [:]
        var row = 0
        while reader.next() != nil {
            row += 1
            let docID = reader["doc_id"] ?? "", target = reader["target"] ?? "", stance = reader["stance"] ?? ""
            if docID.isEmpty && target.isEmpty && stance.isEmpty { continue }
            guard !docID.isEmpty, !target.isEmpty, !stance.isEmpty || emptyStanceIsMissing else {
                throw PluginUsageError("\(path): row \(row) needs doc_id, target and stance")
            }
            let key = docID + "\u{0}" + target
            if let earlier = seen[key] {
                throw PluginUsageError("\(path): row \(row) codes \(docID) / \(target) again (first at row \(earlier))")
            }
            seen[key] = row
            if stance.isEmpty { continue }
            labels.append(GoldLabel(docID: docID, target: target, stance: stance, row: row))
        }
        if let error = reader.error { throw PluginUsageError("\(path): row \(row + 1): \(error)") }
        guard !labels.isEmpty else { throw PluginUsageError("\(path): the \(kind) has no rows") }
        return labels
    }

    /// Scores `output` (a table with doc_id, target, stance and optionally
    /// evidence columns) against `gold`. Every gold pair must be in the output.
    public static func compare(_ output: ResultTable, with gold: [GoldLabel], goldPath: String) throws -> ValidationReport {
        func column(_ name: String) -> Int? { output.columns.firstIndex(of: name) }
        guard let docColumn = column("doc_id"), let targetColumn = column("target"), let stanceColumn = column("stance") else {
            throw PluginUsageError("the plugin's output has no doc_id, target and stance columns (it has: \(output.columns.joined(separator: ", ")))")
        }
        let evidenceColumn = column("evidence")
        var predicted: [String: (stance: String, evidence: String)] = [:]
        for row in output.rows {
            predicted[row[docColumn].text + "\u{0}" + row[targetColumn].text] =
                (row[stanceColumn].text, evidenceColumn.map { row[$0].text } ?? "")
        }
        let unmatched = gold.filter { predicted[$0.docID + "\u{0}" + $0.target] == nil }
        if let first = unmatched.first {
            throw PluginUsageError("\(goldPath): row \(first.row): the plugin gave no label for document '\(first.docID)' and target '\(first.target)'"
                                   + (unmatched.count > 1 ? " (nor for \(unmatched.count - 1) more rows)" : "")
                                   + "; is the corpus the one the gold file was coded on?")
        }
        let pairs = gold.map { ($0, predicted[$0.docID + "\u{0}" + $0.target]!) }
        let labels = Set(pairs.flatMap { [$0.0.stance, $0.1.stance] }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (g, p) in pairs { confusion[index[g.stance]!][index[p.stance]!] += 1 }
        let scores = labels.enumerated().map { i, label -> ValidationReport.LabelScore in
            let truePositives = confusion[i][i]
            let support = confusion[i].reduce(0, +)
            let predictedCount = confusion.reduce(0) { $0 + $1[i] }
            let precision = predictedCount == 0 ? nil : Double(truePositives) / Double(predictedCount)
            let recall = support == 0 ? nil : Double(truePositives) / Double(support)
            var f1: Double?
            if let precision, let recall { f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
            return .init(label: label, precision: precision, recall: recall, f1: f1, support: support)
        }
        let disagreements = pairs.filter { $0.0.stance != $0.1.stance }.map {
            ValidationReport.Disagreement(docID: $0.0.docID, target: $0.0.target, gold: $0.0.stance,
                                          predicted: $0.1.stance, evidence: $0.1.evidence)
        }
        return ValidationReport(labels: labels, scores: scores, correct: pairs.count - disagreements.count,
                                total: pairs.count, confusion: confusion, disagreements: disagreements)
    }
}
