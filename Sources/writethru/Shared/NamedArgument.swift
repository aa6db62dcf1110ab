import ArgumentParser

/// An option value that is one of a fixed set of names: an enum whose raw values are the
/// arguments. It answers swift-argument-parser's questions about its values (for help, errors
/// and completions) with its raw values directly. The parser's own answers for such an enum are
/// the same strings, reached through string interpolation of each raw value, generic and
/// unspecialised, at every one of the three to five times it builds a command's argument set:
/// 1.3 million instructions of `writethru log`.
protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
    /// What the parser's `RawRepresentable` default gives: the raw value as it prints it.
    public var defaultValueDescription: String { rawValue }

    /// What the parser's `CaseIterable` and `RawRepresentable` default gives: the raw values.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// What the parser's default gives when every value's description is its raw value:
    /// nothing to add to the raw values.
    public static var allValueDescriptions: [String: String] { [:] }
}
