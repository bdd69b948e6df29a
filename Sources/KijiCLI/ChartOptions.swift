import ArgumentParser
import Charts

/// `--kind`, `--x`, `--y`, `--series`, `--facet`, `--title`, `--limit`:
/// what to draw, overriding the plugin's default chart (`run --chart`, `chart`).
struct ChartOverrides: ParsableArguments {
    @Option(name: .customLong("kind"), help: ArgumentHelp("Chart kind: line, bar, area or network.", valueName: "KIND"))
    var kind: String?

    @Option(name: .customLong("x"), help: ArgumentHelp("The column of categories or periods.", valueName: "COLUMN"))
    var x: String?

    @Option(name: .customLong("y"), help: ArgumentHelp("The column of values (default: count rows).", valueName: "COLUMN"))
    var y: String?

    @Option(name: .customLong("series"), help: ArgumentHelp("The column whose values become coloured series.", valueName: "COLUMN"))
    var series: String?

    @Option(name: .customLong("facet"), help: ArgumentHelp("The column whose values get one panel each.", valueName: "COLUMN"))
    var facet: String?

    @Option(name: .customLong("title"), help: ArgumentHelp("The chart's title (default: the plugin's name).", valueName: "TEXT"))
    var title: String?

    @Option(name: .customLong("limit"), help: ArgumentHelp("Draw at most N bars, series or edges, the largest first.", valueName: "N"))
    var limit: Int?

    var isEmpty: Bool { [kind, x, y, series, facet, title].allSatisfy { $0 == nil } && limit == nil }

    func validate() throws {
        if let kind, ChartKind(rawValue: kind) == nil {
            throw ValidationError("--kind must be one of \(ChartKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kind)'")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more, not \(limit)") }
    }

    /// `base` (the plugin's chart) with these overrides applied; without a
    /// base, the overrides must name at least the kind.
    func applied(to base: ChartSpec?, context: String) throws -> ChartSpec {
        guard var spec = base ?? kind.flatMap(ChartKind.init(rawValue:)).map({ ChartSpec(kind: $0) }) else {
            throw KijiFailure.usage("\(context); say what to draw with --kind (line, bar, area, network) and --x (and --y, --series)")
        }
        if let kind, let parsed = ChartKind(rawValue: kind) { spec.kind = parsed }
        if let x { spec.x = x; if spec.kind == .network { spec.source = x } }
        if let y { spec.y = y; if spec.kind == .network { spec.weight = y } }
        if let series { spec.series = series; if spec.kind == .network { spec.target = series } }
        if let facet { spec.facet = facet }
        if let title { spec.title = title }
        if let limit { spec.limit = limit }
        return spec
    }
}
