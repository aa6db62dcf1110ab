internal import CLibXML2
import Foundation

/// libxml2 keeps global parser state that must be set up once per process.
private let libxml2Ready: Void = xmlInitParser()

enum HTMLDocument {
    /// Parses UTF-8 HTML into a flat node tree rooted at a synthetic `#document` element, with
    /// libxml2's HTML parser (the one lxml and trafilatura use) driven through its SAX callbacks:
    /// libxml2 tokenises and repairs the markup as browsers do and never fetches anything, and the
    /// tree is built here, so libxml2's own tree and its nesting limit (256 levels, after which it
    /// stops reading the page) never come into play.
    ///
    /// - Complexity: O(n) in the page's length.
    static func parse(_ html: String) -> HTMLNode { parse(Array(html.utf8)) }

    /// `parse(_:)` for well-formed UTF-8 bytes. `cuttingUnreadAttributes: false` keeps the
    /// attributes nobody reads (`UnreadAttributes`), for tests that check cutting them changes nothing.
    static func parse(_ html: [UInt8], cuttingUnreadAttributes: Bool = true) -> HTMLNode {
        _ = libxml2Ready
        let builder = BuilderBox()
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            BuilderBox.from(context).start(name: name, attributes: attributes)
        }
        handler.endElement = { context, name in
            guard let context, let name else { return }
            let box = BuilderBox.from(context)
            box.builder.end(box.names.name(name).name)
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            BuilderBox.from(context).builder.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        var bytes = ScriptData.elide(html, cuttingUnreadAttributes: cuttingUnreadAttributes)
        let context = Unmanaged.passUnretained(builder).toOpaque()
        withUnsafeMutablePointer(to: &handler) { sax in
            guard let parser = htmlCreatePushParserCtxt(sax, context, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return }
            defer { htmlFreeParserCtxt(parser) }
            _ = htmlCtxtUseOptions(parser, options)
            // libxml2 takes an Int32 length: long pages go in chunks.
            let chunk = 1 << 24
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                repeat {
                    let length = min(chunk, buffer.count - offset)
                    let last = offset + length >= buffer.count
                    base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                        _ = htmlParseChunk(parser, $0, Int32(length), last ? 1 : 0)
                    }
                    offset += length
                } while offset < buffer.count
            }
            if bytes.isEmpty { _ = htmlParseChunk(parser, nil, 0, 1) }
        }
        return builder.builder.finish().root
    }
}

/// The tree builder behind libxml2's `void *` context pointer.
private final class BuilderBox {
    var builder = HTMLTreeBuilder()
    /// Tag and attribute names, made once a page.
    let names = NameCache()

    static func from(_ context: UnsafeMutableRawPointer) -> BuilderBox {
        Unmanaged<BuilderBox>.fromOpaque(context).takeUnretainedValue()
    }

    func start(name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let (tag, facts) = names.name(name)
        builder.start(tag, facts: facts)
        if var pair = attributes {
            while let key = pair.pointee {
                let value = pair.advanced(by: 1).pointee.map { String(cString: $0) } ?? ""
                // libxml2's HTML parser gives tag and attribute names in lower case already.
                builder.attribute(names.name(key).name, value)
                pair = pair.advanced(by: 2)
            }
        }
    }
}
