/// How a terminal diff is drawn.
public struct DiffStyle: Sendable {
    public var color: Bool
    public var width: Int
    public var sideBySide: Bool

    public init(color: Bool = false, width: Int = 100, sideBySide: Bool = false) {
        self.color = color
        self.width = width
        self.sideBySide = sideBySide
    }
}
