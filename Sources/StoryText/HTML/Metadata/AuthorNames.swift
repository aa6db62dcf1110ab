import Foundation

/// Turns what pages put where an author goes into names: "By By Jane Doe" is "Jane Doe",
/// "BY JANE DOE and JOHN ROE, Staff Writers" is "Jane Doe" and "John Roe", and "No Author",
/// "Staff", "admin", a URL, an email address or the site's own name is nobody. An agency
/// ("Reuters", "Associated Press") is a real author and stays. Order is kept, repeats dropped.
enum AuthorNames {
    /// Words that introduce a byline, in the languages pages use them ("By", "Von", "Por", "Par").
    static let leadIns: [String] = [
        "written by", "posted by", "reported by", "reporting by", "words by", "story by", "by", "von", "por", "par",
        "door", "di", "av", "af", "text", "texto", "texte", "текст", "автор", "author", "authors", "autor", "autore",
        "auteur", "redacción",
    ]
    /// Whole values that name nobody.
    static let placeholders: Set<String> = [
        "noauthor", "none", "null", "nil", "unknown", "anonymous", "anon", "staff", "admin", "administrator",
        "editor", "editors", "editorial", "guest", "author", "by", "na", "webdesk", "desk", "team", "newsroom",
        "redaccion", "redacao", "redaktion", "redaction", "user", "webmaster", "root", "default", "publisher",
        "contributor", "contributors", "staffwriter", "staffreporter",
    ]
    /// Words of a job title or desk: "AP Auto Writer", "Opinion Columnist", "IGN Staff".
    static let roleWords: Set<String> = [
        "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
        "columnist", "contributor", "contributing", "staff", "photographer", "producer", "intern", "journalist",
        "critic", "bureau", "desk", "team", "newsroom", "service", "digital", "online",
    ]
    /// Lower-case words a name may hold ("Ludwig van Beethoven", "María de la Cruz").
    static let particles: Set<String> = [
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "al",
        "el", "bin", "ibn", "y", "e", "ten", "ter", "zu", "st.", "dei", "des", "und",
    ]
    /// Agencies a byline may name after the writer without a separator ("Tom Davies Associated Press").
    static let agencies = ["Associated Press", "The Associated Press", "Reuters", "AFP", "Bloomberg", "Press Association"]
    /// Degrees and credentials after a name ("Jane Doe, MS, RDN").
    static let credentials: Set<String> = ["md", "phd", "ms", "msc", "ma", "mba", "rn", "rd", "rdn", "dds", "cpa", "mph",
                                          "jr", "sr", "esq", "ii", "iii"]
    static let listSeparators = [" and ", " & ", " und ", " y ", " et ", " e ", " i ", " og ", " och ", " en ", " и "]

    /// The names in `values` (each a byline or one author field), in order, without repeats.
    static func names(_ values: [String], sites: SiteNames) -> [String] {
        var seen: Set<String> = []
        return values.flatMap { names(in: $0, sites: sites) }.filter { seen.insert(SiteNames.key($0)).inserted }
    }

    static func names(in value: String, sites: SiteNames) -> [String] {
        var text = stripLeadIns(HeadlineCleaner.trimDangling(TextReader.normalizeSpaces(value)))
        text = stripSite(text, sites: sites)
        // "Jane Doe - Live Science Contributor", "Jane Doe | Special to the Times": the name comes first.
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} ", " \u{2022} ", " / "] {
            if let range = text.byteRange(of: separator) { text = String(text[..<range.lowerBound]) }
        }
        return text.components(separatedBy: CharacterSet(charactersIn: ",;")).flatMap { item -> [String] in
            var parts = [item]
            for separator in listSeparators {
                parts = parts.flatMap { $0.components(separatedBy: separator) }
            }
            let names = parts.map { stripAgency(stripSite(stripLeadIns($0.trimmingCharacters(in: .whitespaces)), sites: sites)) }
                .filter { !credentials.contains(SiteNames.key($0)) }
            // "The Russian and Syrian defense ministries" is no list of names: all or nothing.
            if names.count > 1, !names.allSatisfy({ isName($0, sites: sites) }) { return [] }
            return names.filter { isName($0, sites: sites) }.map(recased)
        }
    }

    static func stripLeadIns(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        var changed = true
        while changed {
            changed = false
            let lower = text.lowercased()
            for leadIn in leadIns where lower.hasPrefix(leadIn) {
                let rest = text.dropFirst(leadIn.count)
                guard let next = rest.first, next == " " || next == ":" || next == "\u{00A0}" else { continue }
                text = rest.drop { $0 == " " || $0 == ":" || $0 == "\u{00A0}" }.trimmingCharacters(in: .whitespaces)
                changed = true
                break
            }
        }
        return text
    }

    /// "Tom Davies Associated Press" is Tom Davies (of the agency, which the dateline names).
    private static func stripAgency(_ text: String) -> String {
        for agency in agencies where text.count > agency.count + 4 && text.lowercased().hasSuffix(" " + agency.lowercased()) {
            let head = text.dropLast(agency.count).trimmingCharacters(in: .whitespaces)
            if head.split(separator: " ").count >= 2 { return head }
        }
        return text
    }

    /// "Finian Cunningham. Sputnik International" without its site name.
    private static func stripSite(_ text: String, sites: SiteNames) -> String {
        for name in sites.names where text.count > name.count + 2 && text.lowercased().hasSuffix(name.lowercased()) {
            let head = text.dropLast(name.count)
            guard let last = head.last, !last.isLetter, !last.isNumber else { continue }
            return head.trimmingCharacters(in: CharacterSet(charactersIn: " .,-|:\u{2013}\u{2014}"))
        }
        return text
    }

    static func isName(_ name: String, sites: SiteNames) -> Bool {
        guard (2...80).contains(name.count), !name.contains(where: \.isNumber), !name.contains("@"),
              !name.contains("/"), !name.contains("://"), !name.lowercased().hasPrefix("www."),
              name.contains(where: \.isLetter) else { return false }
        let key = SiteNames.key(name)
        if placeholders.contains(key) || sites.matches(name) { return false }
        let words = name.split(separator: " ")
        guard words.count <= 7 else { return false }
        let lowerWords = words.map { $0.lowercased() }
        if lowerWords.contains(where: { $0.split(separator: "-").contains { roleWords.contains(String($0)) } }) {
            return false
        }
        // "CNN Business", "News Nation Bureau": the site's name and a desk.
        if words.count >= 2, (1..<words.count).contains(where: { sites.matches(words[..<$0].joined(separator: " ")) }) {
            return false
        }
        // A name's words are capitalised, but for particles ("de", "van"); uncased scripts pass.
        return zip(words, lowerWords).allSatisfy { word, lower in
            particles.contains(lower) || !(word.first?.isLowercase ?? true)
        }
    }

    /// "TOM KRISHER" is "Tom Krisher"; short all-capital words ("AP", "AFP") stay.
    private static func recased(_ name: String) -> String {
        let letters = name.filter(\.isLetter)
        guard letters.count > 3, letters.allSatisfy({ $0.isUppercase }) else { return name }
        return name.split(separator: " ").map { word in word.prefix(1) + word.dropFirst().lowercased() }
            .joined(separator: " ")
    }
}

/// Finds a visible byline: an element with `rel=author` or `itemprop=author`, or whose class or
/// id has the word "byline" or "author". Comments, related stories and the like
/// (`OtherStories`) are never searched.
enum BylineElements {
    static let classWords: WordSet = ["byline", "author", "authors", "byl", "contributor"]
    /// Class words of an author's biography or picture, which repeat the name with more text.
    static let skippedWords: WordSet = ["bio", "biography", "avatar", "image", "img", "photo", "picture", "about",
                                            "description", "more", "follow", "social"]

    static func names(in document: HTMLNode, sites: SiteNames) -> [String] {
        var found: [String] = []
        search(document, sites: sites, found: &found)
        return found
    }

    private static func search(_ node: HTMLNode, sites: SiteNames, found: inout [String]) {
        for child in node.children where child.kind == .element && found.isEmpty {
            // No attributes: no byline, only a container or other stories.
            if child.attributes.isEmpty {
                if !OtherStories.tags.contains(child.name) { search(child, sites: sites, found: &found) }
                continue
            }
            let labels = OtherStories.labelWords(child)
            if OtherStories.holds(child, labels: labels) { continue }
            let byline = isByline(child, labels: labels)
            if byline {
                found = names(of: child, sites: sites)
                if !found.isEmpty { return }
            }
            search(child, sites: sites, found: &found)
        }
    }

    static let notBylines: WordSet = ["script", "style", "meta", "link", "img", "head", "title"]

    /// Elements that hold a whole page or article: never a byline, never skipped as furniture.
    static let containers: WordSet = ["html", "body", "main", "article"]

    static func isByline(_ node: HTMLNode, labels: [String]? = nil) -> Bool {
        if node.attributes.isEmpty || notBylines.contains(node.name) { return false }
        if containers.contains(node.name) { return false }
        if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true { return true }
        if node.attribute("itemprop")?.lowercased() == "author" { return true }
        let words = labels ?? OtherStories.labelWords(node)
        return words.contains(where: classWords.contains) && !words.contains(where: skippedWords.contains)
    }

    private static func names(of node: HTMLNode, sites: SiteNames) -> [String] {
        // A byline is a line: a longer element is a section that mentions authors, searched inside.
        guard let text = OtherStories.spacedText(node, limit: 200) else { return [] }
        let marked = node.descendants { $0.attribute("itemprop")?.lowercased() == "name" }
            .map { TextReader.normalizeSpaces($0.textContent) }.filter { !$0.isEmpty }
        if !marked.isEmpty { return AuthorNames.names(marked, sites: sites) }
        if node.name != "a" {
            let links = node.descendants { $0.name == "a" }.map { TextReader.normalizeSpaces($0.textContent) }
                .filter { !$0.isEmpty }
            let fromLinks = AuthorNames.names(links, sites: sites)
            if !fromLinks.isEmpty { return fromLinks }
        }
        return AuthorNames.names([beforeTime(text)], sites: sites)
    }

    /// A byline's text up to where its date starts ("By Jane Doe November 19, 2019").
    private static func beforeTime(_ text: String) -> String {
        guard let digit = text.firstIndex(where: \.isNumber) else { return text }
        var head = String(text[..<digit])
        let words = head.split(separator: " ")
        // Drop a month or weekday name that begins the date ("Nov.", "Monday").
        if let last = words.last, last.count >= 3,
           monthsAndDays.contains(where: { last.lowercased().trimmingCharacters(in: .punctuationCharacters).hasPrefix($0) }) {
            head = words.dropLast().joined(separator: " ")
        }
        if let weekday = head.split(separator: " ").last,
           monthsAndDays.contains(where: { weekday.lowercased().trimmingCharacters(in: .punctuationCharacters).hasPrefix($0) }) {
            head = head.split(separator: " ").dropLast().joined(separator: " ")
        }
        return head
    }

    static let monthsAndDays = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                                "mon", "tue", "wed", "thu", "fri", "sat", "sun", "updated", "published", "posted"]
}
