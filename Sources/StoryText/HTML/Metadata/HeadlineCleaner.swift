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
        var parts = [title]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// `title` without the site names at its end or start; never empty unless `title` is.
    static func clean(_ title: String, sites: SiteNames) -> String {
        var text = trimDangling(TextReader.normalizeSpaces(title))
        // A whole site name at the end or the start, even one holding a separator itself.
        for name in sites.names.sorted(by: { $0.count > $1.count }) {
            for separator in prefixSeparators {
                if text.count > name.count + separator.count, text.lowercased().hasSuffix((separator + name).lowercased()),
                   separator != ": " {
                    text = trimDangling(String(text.dropLast(name.count + separator.count)))
                }
                if text.count > name.count + separator.count, text.lowercased().hasPrefix((name + separator).lowercased()) {
                    text = trimDangling(String(text.dropFirst(name.count + separator.count)))
                }
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
        let agreed = h1s.first { h1 in
            let key = SiteNames.key(h1)
            guard !key.isEmpty else { return false }
            return titles.indices.contains { index in
                SiteNames.key(titles[index]) == key || SiteNames.key(cleaned[index]) == key
                    || SiteNames.key(untagged[index]) == key
                    || segments(of: titles[index]).contains { SiteNames.key($0) == key }
            }
        }
        if let agreed, let tagged = cleaned.indices.first(where: {
            untagged[$0] != cleaned[$0] && SiteNames.key(untagged[$0]) == SiteNames.key(agreed)
        }) {
            return cleaned[tagged]
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
                guard let range = text.range(of: separator) else { continue }
                var cut = range
                // The headline may itself hold the separator: try each occurrence from the left.
                while true {
                    if SiteNames.key(text[..<cut.lowerBound]) == key {
                        let rest = trimDangling(String(text[cut.upperBound...]))
                        return rest.isEmpty ? nil : rest
                    }
                    guard let next = text.range(of: separator, range: cut.upperBound..<text.endIndex) else { break }
                    cut = next
                }
            }
            return nil
        }
    }

    private static func lastSeparator(in text: String) -> Range<String.Index>? {
        separators.compactMap { text.range(of: $0, options: .backwards) }.max { $0.lowerBound < $1.lowerBound }
    }

    private static func firstSeparator(in text: String, among list: [String]) -> Range<String.Index>? {
        list.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
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
