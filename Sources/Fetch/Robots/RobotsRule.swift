/// One `Allow` or `Disallow` line of a robots.txt group.
struct RobotsRule: Sendable, Equatable {
    let allows: Bool
    let pattern: RobotsPattern
}
