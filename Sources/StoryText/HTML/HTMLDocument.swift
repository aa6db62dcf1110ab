internal import CLibXML2
import Foundation

/// libxml2 keeps global parser state that must be set up once per process.
private let libxml2Ready: Void = xmlInitParser()

enum HTMLDocument {
    /// Parses UTF-8 HTML into a node tree rooted at a synthetic document element. libxml2
    /// recovers from malformed markup as browsers do; it never fetches anything.
    ///
    /// - Complexity: O(n) in the page's length (libxml2's parse, then one copy of each node).
    static func parse(_ html: String) -> HTMLNode {
        _ = libxml2Ready
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let bytes = Array(html.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            } ?? nil
        }
        guard let document else {
            return HTMLNode(kind: .element, name: "#document", attributes: [:], children: [], text: "")
        }
        defer { xmlFreeDoc(document) }
        return HTMLNode(kind: .element, name: "#document", attributes: [:],
                        children: convertSiblings(document.pointee.children), text: "")
    }

    private static func convertSiblings(_ first: xmlNodePtr?) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var current = first
        while let node = current {
            if let converted = convert(node) { nodes.append(converted) }
            current = node.pointee.next
        }
        return nodes
    }

    private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            return HTMLNode(kind: .element, name: name, attributes: attributes(of: node),
                            children: convertSiblings(node.pointee.children), text: "")
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            let text = node.pointee.content.map { String(cString: $0) } ?? ""
            return HTMLNode(kind: .text, name: "", attributes: [:], children: [], text: text)
        default:
            return nil
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                result[String(cString: name).lowercased()] = value
            }
            attribute = current.pointee.next
        }
        return result
    }
}
