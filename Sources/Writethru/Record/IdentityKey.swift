import Foundation
import StoryText

/// Keys under which the derived index finds a story.
enum IdentityKey {
    static func url(_ url: String) -> String? {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if let scheme = text.range(of: "://") {
            let afterScheme = text[scheme.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            text = text[..<hostEnd].lowercased() + text[hostEnd...]
        }
        return "url " + text
    }

    static func headline(_ headline: String) -> String? {
        let words = headline.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? nil : "headline " + words.joined(separator: " ")
    }
}
