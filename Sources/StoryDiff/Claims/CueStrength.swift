/// Cue verbs and their strength: how much the reporter commits to what the source says.
public enum CueStrength {
    /// 0 hedged (claimed, alleged), 1 neutral (said, told), 2 firm (confirmed, announced).
    public static let strength: [String: Int] = [
        "claimed": 0, "alleged": 0, "suggested": 0, "speculated": 0, "insisted": 0, "denied": 1,
        "said": 1, "says": 1, "told": 1, "added": 1, "stated": 1, "according to": 1, "noted": 1, "warned": 1,
        "reported": 1, "wrote": 1, "argued": 1, "acknowledged": 2, "confirmed": 2, "announced": 2, "admitted": 2,
        "revealed": 2, "disclosed": 2, "declared": 2,
    ]
}
