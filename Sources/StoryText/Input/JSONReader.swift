import Foundation

/// Reads JSON revisions: one object, an array of objects, or JSON Lines (one object a line).
/// Each object has `headline` and `body` (a string, paragraphs separated by blank lines, or an
/// array of paragraphs), and optionally `story`, `url`, `version`, `advisory`, `byline`,
/// `authors`, `published`, `updated`.
enum JSONReader {
    struct Object: Decodable {
        var headline: String?
        var body: Body?
        var story: String?
        var url: String?
        var version: String?
        var advisory: String?
        var byline: String?
        var authors: [String]?
        var published: String?
        var updated: String?

        enum Body: Decodable {
            case text(String)
            case paragraphs([String])

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else {
                    self = .paragraphs(try container.decode([String].self))
                }
            }
        }
    }

    /// - Complexity: O(n) in the input's n bytes: decoded as one object, then as an array, then line by
    ///   line as JSON Lines, each attempt linear; then `RevisionReader.assemble` per object.
    ///
    /// With `keepingGoodLines`, a JSON Lines input returns the lines it cannot read apart instead
    /// of failing at the first; when not one of its lines is a JSON object, it is no JSON Lines
    /// input at all and fails as a whole, as without.
    static func read(_ bytes: [UInt8], options: ReadingOptions, filter: BoilerplateFilter,
                     keepingGoodLines: Bool = false) throws(ReadingError) -> (revisions: [ReadRevision],
                                                                              rejected: [RejectedLine]) {
        let text = try InputText.decode(bytes)
        let data = Data(text.utf8)
        if let single = try? JSONDecoder().decode(Object.self, from: data) {
            return ([ReadRevision(revision: try revision(single, options: options, filter: filter), format: .json,
                                  evidence: bytes, line: nil)], [])
        }
        if let many = try? JSONDecoder().decode([Object].self, from: data) {
            guard !many.isEmpty else { throw .empty }
            var result: [ReadRevision] = []
            for (index, object) in many.enumerated() {
                do {
                    result.append(ReadRevision(revision: try revision(object, options: options, filter: filter),
                                               format: .json, evidence: bytes, line: nil))
                } catch {
                    throw .invalidJSON("object \(index + 1): \(error.description)")
                }
            }
            return (result, [])
        }
        return try readLines(bytes, options: options, filter: filter, keepingGoodLines: keepingGoodLines)
    }

    /// JSON Lines: every non-blank line is one object; its own bytes are its evidence. A line
    /// that fails ends the read, or with `keepingGoodLines` is set apart (see `read`).
    private static func readLines(_ bytes: [UInt8], options: ReadingOptions, filter: BoilerplateFilter,
                                  keepingGoodLines: Bool) throws(ReadingError) -> (revisions: [ReadRevision],
                                                                                   rejected: [RejectedLine]) {
        var result: [ReadRevision] = []
        var rejected: [RejectedLine] = []
        var objects = 0
        var firstFailure: String?
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            let object: Object
            do {
                object = try JSONDecoder().decode(Object.self, from: Data(trimmed))
            } catch {
                let reason = "not a JSON object (\(describe(error)))"
                guard keepingGoodLines else { throw .invalidJSON("line \(lineNumber) is \(reason)") }
                firstFailure = firstFailure ?? "line \(lineNumber) is \(reason)"
                rejected.append(RejectedLine(line: lineNumber, reason: .invalidJSON(reason)))
                continue
            }
            objects += 1
            do {
                result.append(ReadRevision(revision: try revision(object, options: options, filter: filter),
                                           format: .json, evidence: Array(line), line: lineNumber))
            } catch {
                guard keepingGoodLines else { throw .invalidJSON("line \(lineNumber): \(error.description)") }
                rejected.append(RejectedLine(line: lineNumber, reason: error))
            }
        }
        // Not one object: this is no JSON Lines input (a broken JSON document, say), so it fails whole.
        if objects == 0, let firstFailure { throw .invalidJSON(firstFailure) }
        guard !result.isEmpty || !rejected.isEmpty else { throw .empty }
        return (result, rejected)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "wrong type" : "wrong type for \(path)"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "malformed JSON"
        }
    }

    private static func revision(_ object: Object, options: ReadingOptions,
                                 filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        guard let headline = object.headline, !headline.trimmedSpaces.isEmpty else {
            throw .invalidJSON("no \"headline\"")
        }
        var parts = StructuredParts(headline: headline)
        parts.tag = object.version.flatMap { $0.isEmpty ? nil : $0 }
        parts.advisory = object.advisory
        parts.byline = object.byline
        parts.authors = object.authors ?? object.byline.flatMap(Byline.authors) ?? []
        parts.url = object.url
        parts.story = object.story
        parts.published = try time(object.published, field: "published", options: options)
        // The offset the input wrote its publication time in ("-05:00"), kept beside the instant.
        parts.publishedOffset = object.published.flatMap { TimeParsing.parseStated($0, options: options)?.offsetSeconds }
        parts.updated = try time(object.updated, field: "updated", options: options)
        switch object.body {
        case .text(let text): parts.paragraphs = paragraphs(of: text)
        case .paragraphs(let list): parts.paragraphs = list
        case nil: parts.paragraphs = []
        }
        return try RevisionReader.assemble(parts, options: options, filter: filter)
    }

    private static func time(_ text: String?, field: String, options: ReadingOptions) throws(ReadingError) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = TimeParsing.parse(text, options: options) else {
            throw .invalidJSON("\"\(field)\" is not a time: \(text)")
        }
        return date
    }

    /// Paragraphs of a body string: separated by blank lines, or by single line breaks when
    /// the text has no blank line.
    static func paragraphs(of text: String) -> [String] {
        let normalized = InputText.normaliseLineEnds(text)
        let separator = normalized.contains("\n\n") ? "\n\n" : "\n"
        return normalized.components(separatedBy: separator)
    }
}
