/// A duration as Writethru's settings and options write it: at most six digits and one unit,
/// `s`, `m`, `h`, `d` or `w` (`90s`, `45m`, `3h`, `30d`, `1w`). The capture schedule's steps and
/// a relative `--since` (`2h`: two hours before now) both read it.
public enum DurationText {
    /// Seconds per unit.
    static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// `45m` -> 2700; nil for anything else. O(1).
    public static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let scale = units[unit] else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Int(digits) else { return nil }
        return Double(count) * scale
    }
}
