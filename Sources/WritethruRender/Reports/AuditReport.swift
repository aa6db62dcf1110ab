import Foundation
import StoryDiff
import StoryText
import Writethru

/// Renderings of `writethru audit`.
public enum AuditReport {
    /// With `since`, only the versions updated at or after it (each audited against the version
    /// before it, shown or not). The post formats are `PostReport`'s: they give the text form.
    public static func render(_ audit: StoryAudit, format: AuditFormat, since: Date? = nil) -> String {
        switch format {
        case .json: return JSONOutput.render(AuditJSON(audit: audit, since: since))
        case .text, .markdown, .post, .postJSON:
            let markdown = format == .markdown
            var out = markdown ? "## Audit of \(audit.story)" : "audit of \(audit.story)"
            let shown = shown(audit, since: since)
            if let since {
                out += ": \(shown.count) of " + counted(audit.versions.count, "update") + " since "
                    + Timestamp.format(since)
            }
            out += "\n"
            for version in shown {
                let entry = version.entry
                out += "\n" + (markdown ? "### " : "") + "v\(entry.number)" + (entry.tag.map { " \($0)" } ?? "") + "  "
                    + (version.advisory?.text ?? "(no advisory line)") + "\n"
                if markdown { out += "\n" }
                for item in version.audit.items {
                    out += (markdown ? "- " : "  ") + (item.found ? "found      " : "NOT FOUND  ") + item.text
                        + (item.found ? "  (\(counted(item.changes.count, "change")))" : "") + "\n"
                }
                for change in version.audit.undeclared {
                    out += (markdown ? "- " : "  ")
                        + "UNDECLARED ¶\(change.paragraph) \(change.kind.rawValue): \(change.reason)\n"
                }
                for flag in version.audit.flags { out += (markdown ? "- " : "  ") + "FLAG       " + flag + "\n" }
            }
            let undeclared = shown.reduce(0) { $0 + $1.audit.undeclared.count }
            let flags = shown.reduce(0) { $0 + $1.audit.flags.count }
            out += "\n\(counted(undeclared, "undeclared substantive change")), \(counted(flags, "flag"))\n"
            return out
        }
    }

    /// The audited versions shown: all, or those updated at or after `since`, in order.
    /// - Complexity: O(v).
    public static func shown(_ audit: StoryAudit, since: Date?) -> [StoryAudit.Version] {
        guard let since else { return audit.versions }
        return audit.versions.filter { $0.entry.updated >= since }
    }

    /// Whether a shown version has an undeclared substantive change or a flag (`audit` exits 2).
    public static func foundSomething(_ audit: StoryAudit, since: Date?) -> Bool {
        shown(audit, since: since).contains { !$0.audit.undeclared.isEmpty || !$0.audit.flags.isEmpty }
    }

    /// "1 change", "2 changes", "0 flags".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)" + (count == 1 ? "" : "s") }
}
