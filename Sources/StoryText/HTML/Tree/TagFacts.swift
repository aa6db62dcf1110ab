/// What the body search asks of an element's tag name, worked out once per distinct name of a
/// page (a page of 5,000 elements has a few dozen distinct tags) when the tree is built, so the
/// passes over every node test a bit instead of hashing or comparing the name.
///
/// - Complexity: `of(_:)` is a few set look-ups; reading a node's facts is O(1).
struct TagFacts: OptionSet, Sendable {
    let rawValue: UInt16

    /// Starts a paragraph (`PageStatistics.blockTags`).
    static let block = TagFacts(rawValue: 1 << 0)
    /// `<article>`, `<main>` or `<h1>` (`PageStatistics.landmarkTags`).
    static let landmark = TagFacts(rawValue: 1 << 1)
    /// Never story text (`Furniture.droppedTags`).
    static let dropped = TagFacts(rawValue: 1 << 2)
    /// `<h2>` to `<h6>`, `<h1>` too: a two-letter name starting with "h", but `<hr>`.
    static let heading = TagFacts(rawValue: 1 << 3)

    /// What `PageStatistics` counts: `<p>`, `<img>`, `<li>`, form inputs, embedded media.
    static let paragraph = TagFacts(rawValue: 1 << 4)
    static let image = TagFacts(rawValue: 1 << 5)
    static let listItem = TagFacts(rawValue: 1 << 6)
    /// `<input>`, `<select>` or `<textarea>`.
    static let input = TagFacts(rawValue: 1 << 7)
    /// `<iframe>`, `<embed>`, `<object>` or `<video>`.
    static let embed = TagFacts(rawValue: 1 << 8)
    /// `<a>`.
    static let link = TagFacts(rawValue: 1 << 9)
    /// `<html>` or `<body>`, never soft furniture.
    static let page = TagFacts(rawValue: 1 << 10)

    /// `<style>` and `<script>`, whose text the tree builder skips (`HTMLTreeBuilder.inCode`).
    static let style = TagFacts(rawValue: 1 << 11)
    static let script = TagFacts(rawValue: 1 << 12)

    static func of(_ name: String) -> TagFacts {
        var facts: TagFacts = []
        switch name {
        case "p": facts.insert(.paragraph)
        case "img": facts.insert(.image)
        case "li": facts.insert(.listItem)
        case "input", "select", "textarea": facts.insert(.input)
        case "iframe", "embed", "object", "video": facts.insert(.embed)
        case "a": facts.insert(.link)
        case "html", "body": facts.insert(.page)
        case "style": facts.insert(.style)
        case "script": facts.insert(.script)
        default: break
        }
        if PageStatistics.blockTags.contains(name) { facts.insert(.block) }
        if PageStatistics.landmarkTags.contains(name) { facts.insert(.landmark) }
        if Furniture.droppedTags.contains(name) { facts.insert(.dropped) }
        if name.utf8.count == 2, name.utf8.first == UInt8(ascii: "h"), name != "hr" { facts.insert(.heading) }
        return facts
    }
}
