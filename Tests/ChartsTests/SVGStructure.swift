import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed SVG, queried the way a reader looks at a chart: its marks, labels and legend.
struct SVGStructure {
    let root: XMLElement

    init(_ svg: String) throws {
        guard let root = try XMLDocument(xmlString: svg, options: []).rootElement() else { throw SVGStructureError() }
        self.root = root
    }

    /// Every element named `name` (any depth) whose class list contains `className`.
    func elements(_ name: String, class className: String? = nil) -> [XMLElement] {
        var found: [XMLElement] = []
        func visit(_ element: XMLElement) {
            if element.name == name,
               className == nil || attribute(element, "class").split(separator: " ").contains(Substring(className ?? "")) {
                found.append(element)
            }
            for case let child as XMLElement in element.children ?? [] { visit(child) }
        }
        visit(root)
        return found
    }

    /// The visible text of matching `<text>` elements (without their `<title>` tooltips).
    func texts(class className: String) -> [String] {
        elements("text", class: className).map { element in
            (element.children ?? []).filter { $0.kind == .text }.compactMap(\.stringValue).joined()
        }
    }

    /// An attribute's value, or "". (swift-corelibs' `attribute(forName:)` misses attributes under a default namespace.)
    func attribute(_ element: XMLElement, _ name: String) -> String {
        element.attributes?.first { $0.name == name }?.stringValue ?? ""
    }

    /// The points of a path's `d` ("M x y L x y …").
    func points(of path: XMLElement) -> [(Double, Double)] {
        attribute(path, "d").dropFirst().split(separator: "L").map { pair in
            let numbers = pair.split(separator: " ").compactMap { Double($0) }
            return (numbers[0], numbers[1])
        }
    }
}

struct SVGStructureError: Error {}
