import Foundation

/// The dictionary families kiji reads by field name.
public enum DictionaryFormat: String, Sendable {
    /// IPADIC: 品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音.
    case ipadic
    /// UniDic (2.x and 3.x): pos1,pos2,pos3,pos4,cType,cForm,lForm,lemma,orth,pron,orthBase,pronBase,goshu,…
    case unidic

    /// How summaries and manifests name it.
    public var displayName: String { self == .ipadic ? "IPADIC" : "UniDic" }
}

/// Where each token field sits in a dictionary's feature string.
public struct FeatureLayout: Equatable, Sendable {
    public let format: DictionaryFormat
    let pos: [Int]
    let inflectionType: Int?
    let inflectionForm: Int?
    let base: Int?
    let lemma: Int?
    let reading: Int?
    let pronunciation: Int?

    public static let ipadic = FeatureLayout(format: .ipadic, pos: [0, 1, 2, 3], inflectionType: 4, inflectionForm: 5,
                                             base: 6, lemma: 6, reading: 7, pronunciation: 8)

    /// UniDic's field order when `dicrc` does not list the names (UniDic 2.x).
    static let unidicDefaultNames = ["pos1", "pos2", "pos3", "pos4", "cType", "cForm", "lForm", "lemma", "orth", "pron",
                                     "orthBase", "pronBase", "goshu", "iType", "iForm", "fType", "fForm"]

    /// A UniDic layout from its field names (`; f[7]: lemma` lines of `dicrc`).
    static func unidic(names: [String]) -> FeatureLayout {
        let index = { (name: String) in names.firstIndex(of: name) }
        return FeatureLayout(format: .unidic, pos: ["pos1", "pos2", "pos3", "pos4"].map { index($0) ?? -1 },
                             inflectionType: index("cType"), inflectionForm: index("cForm"),
                             base: index("orthBase"), lemma: index("lemma"),
                             reading: index("kana") ?? index("pron"), pronunciation: index("pron"))
    }

    /// The layout of the dictionary in `folder`, from its `dicrc`: UniDic
    /// names its fields (`; f[N]: name`) or its output format (`unidic…`),
    /// and its `bos-feature` has more than IPADIC's nine fields.
    public static func detect(folder: String) -> FeatureLayout {
        guard let dicrc = try? String(contentsOfFile: folder + "/dicrc", encoding: .utf8) else { return .ipadic }
        return detect(dicrc: dicrc)
    }

    static func detect(dicrc: String) -> FeatureLayout {
        var named: [Int: String] = [:]
        var bosFields = 0
        var unidicFormat = false
        for rawLine in dicrc.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix(";"), let open = line.range(of: "f["), let close = line.range(of: "]:", range: open.upperBound..<line.endIndex),
               let number = Int(line[open.upperBound..<close.lowerBound]) {
                named[number] = line[close.upperBound...].trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("bos-feature"), let equals = line.firstIndex(of: "=") {
                bosFields = line[line.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false).count
            } else if line.hasPrefix("output-format-type"), line.lowercased().contains("unidic") {
                unidicFormat = true
            }
        }
        let names = (0..<(named.keys.max().map { $0 + 1 } ?? 0)).map { named[$0] ?? "" }
        if names.contains("lemma") && names.contains("pos1") { return unidic(names: names) }
        if unidicFormat || bosFields > 9 { return unidic(names: unidicDefaultNames) }
        return .ipadic
    }

    /// The named fields of one feature string. `*` and empty fields are "".
    func parse(_ feature: String) -> MorphemeFeatures {
        let fields = Self.splitCSV(feature)
        let field = { (index: Int?) -> String in
            guard let index, index >= 0, index < fields.count, fields[index] != "*" else { return "" }
            return fields[index]
        }
        return MorphemeFeatures(pos: field(pos[0]), posLevels: pos.dropFirst().map(field),
                                inflectionType: field(inflectionType), inflectionForm: field(inflectionForm),
                                base: field(base), lemma: field(lemma), reading: field(reading),
                                pronunciation: field(pronunciation))
    }

    /// Splits a feature string at commas outside double quotes (UniDic
    /// quotes fields such as accent types "1,3"); quotes are dropped.
    static func splitCSV(_ text: String) -> [String] {
        guard text.contains("\"") else { return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
