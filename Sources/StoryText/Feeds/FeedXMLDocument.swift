internal import CLibXML2
import Foundation

/// libxml2 keeps global parser state that must be set up once per process.
private let libxml2Ready: Void = xmlInitParser()

/// A feed's bytes parsed by libxml2's XML parser, with options that keep hostile input harmless:
/// no network (`XML_PARSE_NONET`), no external DTD or entity loading (`XML_PARSE_DTDLOAD` and
/// `XML_PARSE_NOENT` stay off, so entities are never substituted into the tree), libxml2's own
/// limits kept (`XML_PARSE_HUGE` off: 256 levels, 10 MB text nodes, entity amplification checks)
/// and nothing printed to standard error. libxml2 detects the encoding from a byte order mark or
/// the XML declaration (UTF-8, UTF-16, ISO-8859-1, windows-1252, …) and hands back UTF-8; bytes
/// that are not in the declared encoding are read once more as windows-1252.
enum FeedXMLDocument {
    /// Calls `body` with the document's root element, which lives as long as the call.
    ///
    /// - Throws: `FeedError` with libxml2's first error when the bytes are not well-formed XML,
    ///   or `not an RSS or Atom feed (root element <html>)` when they are not XML but do parse,
    ///   repaired, into something other than a feed (an HTML page fetched as a feed).
    /// - Complexity: O(n) in the bytes.
    static func withRoot<T>(_ bytes: [UInt8], url: String, isFeedRoot: (FeedElement) -> Bool,
                            _ body: (FeedElement) throws(FeedError) -> T) throws(FeedError) -> T {
        _ = libxml2Ready
        guard !bytes.isEmpty else { throw FeedError("malformed XML: the document is empty") }
        guard bytes.count <= Int(Int32.max) else { throw FeedError("the feed is larger than 2 GiB") }
        let strict = parse(bytes, url: url, recover: false)
        defer { strict.free() }
        if let doc = strict.document, let root = xmlDocGetRootElement(doc) {
            return try body(FeedElement(root))
        }
        // Bytes that are not the encoding they declare (Latin-1 in a "UTF-8" feed, a CMS's usual
        // mistake) are read again as windows-1252, as feedparser does.
        if strict.badEncoding {
            let windows1252 = parse(bytes, url: url, recover: false, encoding: "windows-1252")
            defer { windows1252.free() }
            if let doc = windows1252.document, let root = xmlDocGetRootElement(doc) {
                return try body(FeedElement(root))
            }
        }
        // Not well-formed: if libxml2's repairs find a root that is no feed's, that says more
        // than the first syntax error of a page that was never meant to be XML.
        let repaired = parse(bytes, url: url, recover: true)
        defer { repaired.free() }
        if let doc = repaired.document, let root = xmlDocGetRootElement(doc), !isFeedRoot(FeedElement(root)) {
            throw FeedError.notAFeed(FeedElement(root))
        }
        throw FeedError("malformed XML" + (strict.firstError.map { ", \($0)" } ?? ""))
    }

    /// One parse's outcome: the document when it was well-formed (or repaired), the first error,
    /// and whether some error was about bytes that are not in the document's encoding.
    private struct Outcome {
        let document: xmlDocPtr?
        let firstError: String?
        var badEncoding = false

        func free() { if let document { xmlFreeDoc(document) } }
    }

    /// Collects the first error libxml2 reports, through the context's structured error handler.
    private final class ErrorBox {
        var first: String?
        var firstFatal: String?
        var badEncoding = false
    }

    private static func parse(_ bytes: [UInt8], url: String, recover: Bool, encoding: String? = nil) -> Outcome {
        guard let context = xmlNewParserCtxt() else { return Outcome(document: nil, firstError: "libxml2 is out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let box = ErrorBox()
        context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        context.pointee.sax.pointee.serror = { data, error in
            guard let data, let error else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let opaque = context.pointee._private else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(opaque).takeUnretainedValue()
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            if [XML_ERR_INVALID_CHAR.rawValue, XML_ERR_INVALID_ENCODING.rawValue].contains(UInt32(error.pointee.code)) {
                box.badEncoding = true
            }
            let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
            let line = "line \(error.pointee.line): " + message.split(whereSeparator: \.isNewline).joined(separator: " ")
            if box.first == nil { box.first = line }
            if box.firstFatal == nil, error.pointee.level == XML_ERR_FATAL { box.firstFatal = line }
        }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        let document = withExtendedLifetime(box) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), url, encoding, Int32(options))
                }
            }
        }
        let firstError = box.firstFatal ?? box.first
        if let document, recover || context.pointee.wellFormed != 0 {
            return Outcome(document: document, firstError: firstError)
        }
        if let document { xmlFreeDoc(document) }
        return Outcome(document: nil, firstError: firstError, badEncoding: box.badEncoding)
    }
}
