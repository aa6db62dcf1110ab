import Foundation

/// Chooses a page's headline and takes the site's name off it.
///
/// `<title>`, `og:title` and even JSON-LD `headline` often carry the site's name ("Story | TheHill",
/// "Story - The New York Times", "Site: Story"). A part is cut only when it is a site name
/// (`SiteNames`), so a headline that itself contains " - " keeps it. The visible `<h1>` is
/// usually clean, but pages also use `<h1>` for their logo or a section: an `<h1>` is chosen when
/// a metadata title agrees with it, else the metadata's own headline is.
enum HeadlineCleaner {
    static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} ", " \u{00BB} ", " : ",
                             " / ", " \u{2022} "]
    /// A site name may also come first, followed by a colon: "Site: Story".
    static let prefixSeparators = separators + [": "]

    /// The parts of `title` between separators.
    static func segments(of title: String) -> [String] {
        var parts: [String] = []
        var start = title.startIndex
        for cut in occurrences(of: separators, in: title) where cut.lowerBound >= start {
            parts.append(String(title[start..<cut.lowerBound]))
            start = cut.upperBound
        }
        parts.append(String(title[start...]))
        return parts.map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// Where any of `list` occurs in `text`, left to right, found in one pass over its bytes.
    static func occurrences(of list: [String], in text: String) -> [Range<String.Index>] {
        let utf8 = text.utf8
        let patterns = list.map { Array($0.utf8) }
        // The patterns' first bytes as a table: one look a byte, not a hash.
        var firsts = [Bool](repeating: false, count: 256)
        for first in patterns.compactMap(\.first) { firsts[Int(first)] = true }
        var found: [Range<String.Index>] = []
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if firsts[Int(utf8[index])],
               let pattern = patterns.first(where: { utf8[index...].starts(with: $0) }),
               let end = utf8.index(index, offsetBy: pattern.count, limitedBy: utf8.endIndex) {
                found.append(index..<end)
                index = end
            } else {
                index = utf8.index(after: index)
            }
        }
        return found
    }

    /// `title` without the site names at its end or start; never empty unless `title` is.
    static func clean(_ title: String, sites: SiteNames) -> String {
        var text = trimDangling(TextReader.normalizeSpaces(title))
        // A whole site name at the end or the start, even one holding a separator itself.
        for name in sites.names.sorted(by: { $0.count > $1.count }) {
            let lowerName = name.lowercased()
            var lower = text.lowercased()
            if lower.hasSuffix(lowerName),
               let separator = separators.first(where: { lower.dropLast(lowerName.count).hasSuffix($0) }),
               text.count > name.count + separator.count {
                text = trimDangling(String(text.dropLast(name.count + separator.count)))
                lower = text.lowercased()
            }
            if lower.hasPrefix(lowerName),
               let separator = prefixSeparators.first(where: { lower.dropFirst(lowerName.count).hasPrefix($0) }),
               text.count > name.count + separator.count {
                text = trimDangling(String(text.dropFirst(name.count + separator.count)))
            }
        }
        // Then part by part: "Story - Section - Site" loses "Site", and "Section" only if it names the site.
        while let cut = lastSeparator(in: text), sites.matches(String(text[cut.upperBound...])) {
            text = trimDangling(String(text[..<cut.lowerBound]))
        }
        while let cut = firstSeparator(in: text, among: prefixSeparators), sites.matches(String(text[..<cut.lowerBound])) {
            text = trimDangling(String(text[cut.upperBound...]))
        }
        return text
    }

    /// The headline among the page's `<h1>`s and metadata titles (JSON-LD `headline`,
    /// `og:title`, `twitter:title`, `<title>`, in that order of preference).
    static func choose(h1s: [String], titles: [String], sites: SiteNames) -> String? {
        let cleaned = titles.map { clean($0, sites: sites) }
        // A wire page's metadata may carry the version tag the <h1> leaves out ("UPDATE 2-Storm ...").
        let untagged = cleaned.map { WireTag.split($0).headline }
        let untaggedKeys = untagged.map(SiteNames.key)
        // Every form of every title a headline may agree with: whole, cleaned, untagged, each part.
        var forms: Set<String> = []
        for index in titles.indices {
            forms.formUnion([SiteNames.key(titles[index]), SiteNames.key(cleaned[index]), untaggedKeys[index]])
            forms.formUnion(segments(of: titles[index]).map(SiteNames.key))
        }
        let agreed = h1s.first { h1 in
            let key = SiteNames.key(h1)
            return !key.isEmpty && forms.contains(key)
        }
        if let agreed {
            let key = SiteNames.key(agreed)
            if let tagged = cleaned.indices.first(where: { untagged[$0] != cleaned[$0] && untaggedKeys[$0] == key }) {
                return cleaned[tagged]
            }
        }
        // A page's only <h1>, a sentence rather than a logo or a section, is its visible headline.
        let only = h1s.count == 1 ? h1s.first.flatMap { $0.split(separator: " ").count >= 4 ? $0 : nil } : nil
        return agreed ?? only ?? cleaned.first { !$0.isEmpty } ?? h1s.first
    }

    /// What a title adds after the headline and a separator ("Story - Site" gives "Site").
    static func suffixes(of titles: [String], after headline: String) -> [String] {
        let key = SiteNames.key(headline)
        guard !key.isEmpty else { return [] }
        return titles.compactMap { title in
            let text = TextReader.normalizeSpaces(title)
            for separator in separators {
                guard let range = text.byteRange(of: separator) else { continue }
                var cut = range
                // The headline may itself hold the separator: try each occurrence from the left.
                while true {
                    if SiteNames.key(text[..<cut.lowerBound]) == key {
                        let rest = trimDangling(String(text[cut.upperBound...]))
                        return rest.isEmpty ? nil : rest
                    }
                    guard let next = text.byteRange(of: separator, from: cut.upperBound) else { break }
                    cut = next
                }
            }
            return nil
        }
    }

    private static func lastSeparator(in text: String) -> Range<String.Index>? {
        occurrences(of: separators, in: text).last
    }

    private static func firstSeparator(in text: String, among list: [String]) -> Range<String.Index>? {
        occurrences(of: list, in: text).first
    }

    /// Spaces and separator marks left hanging at either end ("Story -").
    static func trimDangling(_ text: String) -> String {
        let marks: Set<Character> = ["|", "-", "\u{2013}", "\u{2014}", ":", "\u{00B7}", "\u{00BB}", "/", "\u{2022}", " "]
        var slice = Substring(text)
        while let last = slice.last, marks.contains(last) { slice.removeLast() }
        while let first = slice.first, marks.contains(first) { slice.removeFirst() }
        return slice.count == text.count ? text : String(slice)
    }
}
