/// A piece of the input set aside as not being the story.
public struct RemovedText: Sendable, Equatable, Codable {
    public var text: String
    public var rule: String

    public init(text: String, rule: String) {
        self.text = text
        self.rule = rule
    }
}
