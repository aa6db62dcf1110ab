/// Markdown text that shows as written.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
