import StoryDiff
import StoryText
import Writethru

/// Renderings of `writethru audit`.
public enum AuditReport {
    public static func render(_ audit: StoryAudit, format: AuditFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(AuditJSON(audit: audit))
        case .text, .markdown:
            let markdown = format == .markdown
            var out = markdown ? "## Audit of \(audit.story)\n" : "audit of \(audit.story)\n"
            for version in audit.versions {
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
            let undeclared = audit.versions.reduce(0) { $0 + $1.audit.undeclared.count }
            let flags = audit.versions.reduce(0) { $0 + $1.audit.flags.count }
            out += "\n\(counted(undeclared, "undeclared substantive change")), \(counted(flags, "flag"))\n"
            return out
        }
    }

    /// "1 change", "2 changes", "0 flags".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)" + (count == 1 ? "" : "s") }
}
