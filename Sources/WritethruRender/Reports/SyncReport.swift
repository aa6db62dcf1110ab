import Writethru

/// Renderings of `push`, `pull`, `clone` and `verify` (docs/sync.md).
public enum SyncReport {
    public static func render(_ outcomes: [SyncOutcome], remote: String, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(SyncJSON(remote: remote, outcomes: outcomes))
        case .text:
            let rows = outcomes.filter { $0.status != .upToDate }.map { outcome in
                [outcome.story?.value ?? "(main: settings)", outcome.status.rawValue, outcome.local?.short() ?? "-",
                 outcome.remote?.short() ?? "-", advice(outcome)]
            }
            return Columns.render(rows) + summary(outcomes) + "\n"
        }
    }

    static func advice(_ outcome: SyncOutcome) -> String {
        let lost = counted(outcome.lost ?? 0, "version", "versions")
        switch outcome.status {
        case .remoteTruncated:
            return "the remote lost \(lost) (its branch went back); left alone on both, push --restore sends them back"
        case .restored: return "the \(lost) the remote had lost sent back"
        case .diverged: return "both sides recorded different versions; left alone on both"
        case .behind: return "the remote has newer versions: pull them"
        case .ahead: return "this archive has newer versions: push them"
        default: return ""
        }
    }

    /// "2 created, 1 fast-forwarded, 40 up-to-date, 1 diverged"
    static func summary(_ outcomes: [SyncOutcome]) -> String {
        let order: [SyncOutcome.Status] = [.created, .fastForwarded, .restored, .upToDate, .ahead, .behind, .diverged,
                                              .remoteTruncated]
        let parts = order.compactMap { status -> String? in
            let count = outcomes.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        return parts.isEmpty ? "nothing to do" : parts.joined(separator: ", ")
    }

    /// "packed 35 objects into pack-…; removed 35 loose objects and 1 older pack", then, when
    /// there were any, "removed 2 temporary files (1050 bytes) left by interrupted writes".
    public static func gc(_ result: PackedObjects, format: OutputFormat) -> String {
        if format == .json { return JSONOutput.render(GCJSON(result)) }
        var out = "packed " + counted(result.objects, "object", "objects") + (result.pack.map { " into \($0)" } ?? "")
            + "; removed " + counted(result.looseRemoved, "loose object", "loose objects") + " and "
            + counted(result.packsRemoved, "older pack", "older packs") + "\n"
        if result.temporaryFiles > 0 {
            out += "removed " + counted(result.temporaryFiles, "temporary file", "temporary files")
                + " (" + counted(result.temporaryBytes, "byte", "bytes") + ") left by interrupted writes\n"
        }
        return out
    }

    public static func verify(_ report: VerifyReport, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(VerifyJSON(report))
        case .text:
            var out = Columns.render(report.problems.map {
                [$0.story?.value ?? "(main)", $0.commit?.short() ?? "-", $0.message]
            })
            for note in report.notes { out += "note: " + note + "\n" }
            out += "checked " + counted(report.stories, "story", "stories") + ", "
                + counted(report.revisions, "revision", "revisions") + ", "
                + counted(report.objects, "object", "objects")
                + (report.remote.map { ", against \($0)" } ?? "") + ": "
                + (report.isClean ? "no problems" : counted(report.problems.count, "problem", "problems")) + "\n"
            return out
        }
    }
}
