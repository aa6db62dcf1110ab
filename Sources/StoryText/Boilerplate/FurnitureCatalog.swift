/// What the archive knows about paragraphs seen before: how many different stories printed
/// each one verbatim. Writethru keeps this as derived data beside the archive.
public protocol FurnitureCatalog: Sendable {
    func storyCount(of paragraph: String) -> Int
}
