import Foundation
import Writethru
import WritethruSupport

/// Renderings of `writethru import` (docs/import.md); JSON schema `writethru.import/1`.
public enum ImportReport {
    public static func render(_ summary: ImportSummary, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(ImportJSON(summary))
        case .text:
            var out = counted(summary.stories, "story", "stories") + ": "
                + counted(summary.count(.recorded), "revision", "revisions") + " recorded, "
                + "\(summary.count(.unchanged)) unchanged, \(summary.count(.alreadyRecorded)) already recorded, "
                + "\(summary.rejected.count) rejected"
                + (summary.skipped.isEmpty ? "" : ", \(summary.skipped.count) skipped") + "\n"
            for rejection in summary.rejected {
                out += "rejected  " + TerminalSafe.escape(rejection.file + ": " + rejection.reason) + "\n"
            }
            for skip in summary.skipped {
                out += "skipped   " + TerminalSafe.escape(skip.file + ": " + skip.reason) + "\n"
            }
            if let stopped = summary.stopped {
                out += "stopped   " + TerminalSafe.escape(stopped.description) + "\n"
            }
            return out
        }
    }

    /// One line that redraws itself (it starts with a carriage return):
    /// "[============            ] 5000/10000  1234/s  4s left".
    public static func progress(done: Int, total: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        let width = 24
        let filled = total > 0 ? width * done / total : width
        return "\r[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(done)/\(total)  " + FixedDecimal.format(rate, places: 0) + "/s" + "  "
            + (done < total ? "\(left)s left" : "done") + "   "
    }
}
