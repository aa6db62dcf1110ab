/// What an export wrote: the rows of each table, the outputs with their sizes, and the time
/// it took (`writethru export` prints it on stderr, or as JSON with `--format json`).
public struct ExportSummary: Sendable, Equatable {
    public struct Output: Sendable, Equatable {
        /// `sqlite`, `csv` or `jsonl`.
        public let format: String
        /// The file or directory written, or "standard output".
        public let path: String
        public let bytes: Int
    }

    public let archives: Int
    /// Stories with at least one version in range.
    public let stories: Int
    /// Versions in range (context versions, `in_range` 0, are counted in `rows` only).
    public let versionsInRange: Int
    /// Rows written per table, in the schema's table order.
    public let rows: [(table: String, count: Int)]
    public let outputs: [Output]
    public let seconds: Double

    public static func == (a: ExportSummary, b: ExportSummary) -> Bool {
        a.archives == b.archives && a.stories == b.stories && a.versionsInRange == b.versionsInRange
            && a.rows.map(\.table) == b.rows.map(\.table) && a.rows.map(\.count) == b.rows.map(\.count)
            && a.outputs == b.outputs && a.seconds == b.seconds
    }

    /// The rows written to `table`, 0 for a table it does not name.
    public func count(_ table: String) -> Int { rows.first { $0.table == table }?.count ?? 0 }

    /// `exported 10,000 versions of 1,000 stories to x.sqlite (23.1 MB) in 41.2 s`.
    public var line: String {
        let targets = outputs.map { output in
            output.path == "standard output" ? output.path : "\(output.path) (\(Self.size(output.bytes)))"
        }.joined(separator: ", ")
        let from = archives == 1 ? "" : " from \(Self.grouped(archives)) archives"
        return "exported \(Self.grouped(versionsInRange)) version\(versionsInRange == 1 ? "" : "s") of "
            + "\(Self.grouped(stories)) stor\(stories == 1 ? "y" : "ies")\(from) to \(targets) in "
            + Self.tenths(seconds) + " s"
    }

    /// 1234567 -> "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// Bytes in decimal units, one decimal: "812 B", "23.1 KB", "23.1 MB", "1.2 GB".
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return tenths(value) + " " + units[unit]
    }

    /// One decimal, rounded: 41.25 -> "41.3".
    static func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }
}
