import Text

/// Collects SVG elements and writes a self-contained document: inline
/// styles, a CJK-first font stack, no scripts, no external references.
struct SVGCanvas {
    let width: Double
    var height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Fonts that hold Japanese first, so labels never fall back to a Latin font's tofu.
    static let fontStack = "'Noto Sans CJK JP','Noto Sans JP','Source Han Sans JP','Hiragino Sans','Hiragino Kaku Gothic ProN',"
        + "'Yu Gothic','Meiryo','IPAexGothic',sans-serif"

    /// The Okabe–Ito palette, ordered for contrast on white (yellow late).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
    /// Dash patterns that tell series apart once the colours repeat.
    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }
    static func dash(_ index: Int) -> String { dashes[(index / palette.count) % dashes.count] }

    mutating func add(_ element: String) { elements.append(element) }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", className: String? = nil,
                       extra: String = "") {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        add("<text x=\"\(Self.f(x))\" y=\"\(Self.f(y))\"\(anchorAttribute)\(cls)\(extra)>\(Self.escape(content))</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        add("<line class=\"\(className)\" x1=\"\(Self.f(x1))\" y1=\"\(Self.f(y1))\" x2=\"\(Self.f(x2))\" y2=\"\(Self.f(y2))\"/>")
    }

    /// The document; `title` and `description` become `<title>` and `<desc>` for screen readers.
    func document(title: String, description: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.f(width))\" height=\"\(Self.f(height))\" "
        out += "viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" role=\"img\">\n"
        out += "<title>\(Self.escape(title))</title>\n<desc>\(Self.escape(description))</desc>\n"
        out += "<style>\n"
        out += "text{font-family:\(Self.fontStack);font-size:12px;fill:#222}\n"
        out += ".title{font-size:16px;font-weight:bold}.detail{font-size:11px;fill:#555}.tick{font-size:11px;fill:#444}\n"
        out += ".axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}.separator{stroke:#999;stroke-dasharray:3 3}\n"
        out += ".series{fill:none;stroke-width:2}.edge{stroke:#888;stroke-opacity:0.6}.node{stroke:#fff;stroke-width:1}\n"
        out += "</style>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        out += elements.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }

    /// A coordinate with one decimal, written the same on every machine.
    static func f(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// Text safe inside elements and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out += " "
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Approximate width of `text` at `size` px: wide (CJK) characters take about one em, others about half.
    static func textWidth(_ text: String, size: Double = 12) -> Double {
        Double(DisplayWidth.of(text)) * size * 0.55
    }

    /// `text` cut to about `limit` px, with an ellipsis when cut.
    static func clipped(_ text: String, to limit: Double, size: Double = 12) -> String {
        guard textWidth(text, size: size) > limit else { return text }
        var out = ""
        for character in text {
            if textWidth(out + String(character) + "…", size: size) > limit { break }
            out.append(character)
        }
        return out + "…"
    }
}
