internal import CLibXML2
import Foundation

/// A read-only view of one element of a `FeedXMLDocument`, valid while the document lives.
struct FeedElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The local name, as written (`item`, `link`; `dc:date` when the prefix was never declared).
    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace name, nil for none.
    var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The name with its prefix, as the document wrote it (`rdf:RDF`, `html`).
    var qualifiedName: String {
        guard let prefix = node.pointee.ns?.pointee.prefix else { return name }
        return String(cString: prefix) + ":" + name
    }

    /// Whether this is `local` of `namespace` (or, undeclared, `prefix:local`).
    func `is`(_ local: String, in namespace: FeedNamespace) -> Bool {
        let uri = namespaceURI
        if namespace.uris.isEmpty { return uri == nil && name == local }
        if let uri { return namespace.uris.contains(uri) && name == local }
        return namespace.conventionalPrefix.map { name == $0 + ":" + local } ?? false
    }

    /// The element children, in document order.
    var children: [FeedElement] {
        var result: [FeedElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(FeedElement(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child that is `local` of `namespace`.
    func child(_ local: String, in namespace: FeedNamespace) -> FeedElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, FeedElement(current).is(local, in: namespace) {
                return FeedElement(current)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// The children that are `local` of `namespace`, in document order.
    func children(_ local: String, in namespace: FeedNamespace) -> [FeedElement] {
        children.filter { $0.is(local, in: namespace) }
    }

    /// An attribute's value; `namespace` `.none` means an unprefixed attribute.
    func attribute(_ local: String, in namespace: FeedNamespace = .none) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let uri = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            let matches = namespace.uris.isEmpty ? uri == nil && name == local
                : uri.map { namespace.uris.contains($0) && name == local }
                    ?? (namespace.conventionalPrefix.map { name == $0 + ":" + local } ?? false)
            if matches {
                // An attribute's value is its text children (character references already replaced).
                var bytes: [UInt8] = []
                var budget = 0
                Self.appendText(of: current.pointee.children, to: &bytes, budget: &budget, depth: 0)
                return String(decoding: bytes, as: UTF8.self)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The text of the element and its descendants (CDATA included, markup left out), trimmed;
    /// nil when that is empty. An internal entity the document declared is read through its
    /// replacement, within `budget` bytes for the whole document (shared by every call), so a
    /// billion-laughs document that libxml2 let through costs at most the budget; external
    /// entities are never read.
    ///
    /// - Complexity: O(n) in the element's text plus what the budget allows.
    func text(_ budget: inout Int) -> String? {
        var bytes: [UInt8] = []
        Self.appendText(of: node.pointee.children, to: &bytes, budget: &budget, depth: 0)
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Appends the text under `first` and its siblings; inside an entity's replacement (`depth`
    /// above 0) every text and every reference costs budget, and nothing more is read once it is
    /// spent, so nested references cannot multiply the work.
    private static func appendText(of first: xmlNodePtr?, to bytes: inout [UInt8], budget: inout Int, depth: Int) {
        var child = first
        while let current = child {
            if depth > 0, budget <= 0 { return }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    var count = strlen(content)
                    if depth > 0 {
                        count = min(count, budget)
                        budget -= max(count, 1)
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
                }
            case XML_ELEMENT_NODE:
                appendText(of: current.pointee.children, to: &bytes, budget: &budget, depth: depth)
            case XML_ENTITY_REF_NODE:
                // libxml2 points an entity reference's children at the entity's declaration.
                budget -= 1
                guard budget > 0, let declaration = current.pointee.children,
                      declaration.pointee.type == XML_ENTITY_DECL else { break }
                let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
                guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else { break }
                appendText(of: entity.pointee.children, to: &bytes, budget: &budget, depth: depth + 1)
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
