/// Cue verbs and their strength: how much the reporter commits to what the source says.
public enum CueStrength {
    /// 0 hedged (claimed, alleged), 1 neutral (said, told), 2 firm (confirmed, announced), by
    /// the verb's past form.
    public static let strength: [String: Int] = [
        "claimed": 0, "alleged": 0, "suggested": 0, "speculated": 0, "insisted": 0, "denied": 1,
        "said": 1, "told": 1, "added": 1, "stated": 1, "according to": 1, "noted": 1, "warned": 1,
        "reported": 1, "wrote": 1, "argued": 1, "acknowledged": 2, "confirmed": 2, "announced": 2, "admitted": 2,
        "revealed": 2, "disclosed": 2, "declared": 2,
    ]

    /// Present forms of the cue verbs, by their past form: "says" and "say" are "said".
    static let pastForms: [String: String] = [
        "say": "said", "says": "said", "tell": "told", "tells": "told", "adds": "added", "writes": "wrote",
        "confirm": "confirmed", "confirms": "confirmed", "deny": "denied", "denies": "denied", "warn": "warned",
        "warns": "warned", "announce": "announced", "announces": "announced", "insist": "insisted",
        "insists": "insisted", "acknowledge": "acknowledged", "acknowledges": "acknowledged", "admit": "admitted",
        "admits": "admitted", "reveal": "revealed", "reveals": "revealed", "disclose": "disclosed",
        "discloses": "disclosed", "declare": "declared", "declares": "declared", "argue": "argued",
        "argues": "argued", "allege": "alleged", "alleges": "alleged",
    ]

    /// Cues that report what was said without weighing it: one for another, or the same verb
    /// in another tense, is a change of style ("said" -> "according to", "says" -> "said").
    static let neutral: Set<String> = ["said", "told", "added", "stated", "according to", "noted", "wrote", "reported"]

    /// The cue's past form: "says" -> "said".
    static func past(_ cue: String) -> String { pastForms[cue] ?? cue }

    public static func strength(of cue: String) -> Int { strength[past(cue)] ?? 1 }

    /// Whether two cues report the same way: the same verb in any tense, or two neutral cues.
    static func sameReport(_ x: String, _ y: String) -> Bool {
        let a = past(x), b = past(y)
        return a == b || (neutral.contains(a) && neutral.contains(b))
    }
}
