import StoryDiff
import StoryText
import WritethruSupport

/// `writethru.json` read without Foundation's JSON: `PlainJSONValue` parses the file and the
/// template, the file is laid over the template section by section, and the values are taken
/// when each has its plain JSON type. Anything else (a `\u` escape, a whole number written
/// `1.0`, a wrong type, a key missing, JSON that is not valid) gives nil, and the caller reads
/// the file with `JSONSerialization` and `JSONDecoder`, whose answer and errors stand.
/// `SettingsTests` checks that the two readings agree wherever this one answers.
///
/// Why: `JSONSerialization` and the dynamic casts its `[String: Any]` needs cost about 5
/// million instructions a process, a sixth of a short command such as `log`.
extension SettingsFile {
    /// The template, parsed once by `PlainJSONValue` (nil only if it stopped being plain JSON,
    /// which `SettingsTests` would show).
    static let plainTemplate: PlainJSONObject? =
        PlainJSONValue.parse(Array((ArchiveTemplate.files[ArchiveConfig.fileName] ?? "").utf8), fractions: true)?.object

    /// The template's settings read plainly.
    static func plainStandard() -> SettingsFile? {
        plainTemplate.flatMap(plain)
    }

    /// An archive's file laid over the template and read plainly; nil when it cannot be.
    /// - Complexity: O(n) in the file's bytes, O(k²) in the keys of a section (a few dozen).
    static func plainMerged(_ bytes: [UInt8]) -> SettingsFile? {
        guard let template = plainTemplate, let file = PlainJSONValue.parse(bytes, fractions: true)?.object,
              file["format"] != nil else { return nil }
        return plain(merged(file, over: template))
    }

    /// `file` with each section laid key by key over the same section of `defaults`, as
    /// `mergedJSON(_:over:)` does with parsed Foundation JSON.
    static func merged(_ file: PlainJSONObject, over defaults: PlainJSONObject) -> PlainJSONObject {
        var merged = defaults
        for (key, value) in file.entries {
            if let section = value.object, let base = defaults[key]?.object {
                var combined = base
                for (inner, innerValue) in section.entries { combined[inner] = innerValue }
                merged[key] = .object(combined)
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    /// The settings of a complete file (every key present), or nil.
    static func plain(_ json: PlainJSONObject) -> SettingsFile? {
        guard let format = json["format"]?.integer,
              let reading = json["reading"]?.object,
              let dateOrder = reading["dateOrder"]?.string, let timeZone = reading["timeZone"]?.string,
              let boilerplate = json["boilerplate"]?.object,
              let learnAfterStories = boilerplate["learnAfterStories"]?.integer,
              let ruleValues = boilerplate["rules"]?.array,
              let identity = plainIdentity(json["identity"]), let diff = plainDiff(json["diff"]),
              let recorder = json["recorder"]?.object,
              let name = recorder["name"]?.string, let email = recorder["email"]?.string,
              let fsync = json["durability"]?.object?["fsync"]?.bool,
              let timeoutSeconds = json["hooks"]?.object?["timeoutSeconds"]?.number,
              let capture = plainCapture(json["capture"])
        else { return nil }
        var rules: [Rule] = []
        rules.reserveCapacity(ruleValues.count)
        for value in ruleValues {
            guard let rule = plainRule(value) else { return nil }
            rules.append(rule)
        }
        return SettingsFile(format: format, reading: Reading(dateOrder: dateOrder, timeZone: timeZone),
                            boilerplate: Boilerplate(learnAfterStories: learnAfterStories, rules: rules),
                            identity: identity, diff: diff, recorder: Recorder(name: name, email: email),
                            durability: Durability(fsync: fsync),
                            hooks: HookSettings(timeoutSeconds: timeoutSeconds), capture: capture)
    }

    private static func plainCapture(_ value: PlainJSONValue?) -> CaptureSettings? {
        guard let object = value?.object, let contact = object["contact"]?.string,
              let steps = object["schedule"]?.array, let feedEvery = object["feedEvery"]?.string,
              let hostInterval = object["hostInterval"]?.number, let perHost = object["perHost"]?.integer,
              let connections = object["connections"]?.integer,
              let timeoutSeconds = object["timeoutSeconds"]?.number,
              let maximumRedirects = object["maximumRedirects"]?.integer,
              let robots = object["robots"]?.bool, let backoff = object["backoff"]?.string,
              let backoffLimit = object["backoffLimit"]?.string, let userAgent = object["userAgent"],
              userAgent.isNull || userAgent.string != nil
        else { return nil }
        var schedule: [CaptureSettings.ScheduleStep] = []
        for step in steps {
            guard let within = step.object?["changedWithin"]?.string, let every = step.object?["every"]?.string
            else { return nil }
            schedule.append(.init(changedWithin: within, every: every))
        }
        var capture = CaptureSettings()
        capture.contact = contact
        capture.userAgent = userAgent.string
        capture.schedule = schedule
        capture.feedEvery = feedEvery
        capture.hostInterval = hostInterval
        capture.perHost = perHost
        capture.connections = connections
        capture.timeoutSeconds = timeoutSeconds
        capture.maximumRedirects = maximumRedirects
        capture.robots = robots
        capture.backoff = backoff
        capture.backoffLimit = backoffLimit
        return capture
    }

    private static func plainRule(_ value: PlainJSONValue) -> Rule? {
        guard let object = value.object, let name = object["name"]?.string else { return nil }
        var rule = Rule(name: name)
        // An optional key: absent or null is nil, as `decodeIfPresent` reads it.
        func present(_ key: String) -> PlainJSONValue? {
            guard let value = object[key], !value.isNull else { return nil }
            return value
        }
        if let exact = present("exact") {
            if let one = exact.string {
                rule.exact = Rule.Exact(texts: [one])
            } else if let list = exact.array {
                var texts: [String] = []
                for item in list {
                    guard let text = item.string else { return nil }
                    texts.append(text)
                }
                rule.exact = Rule.Exact(texts: texts)
            } else {
                return nil
            }
        }
        for (key, path) in [("prefix", \Rule.prefix), ("contains", \Rule.contains), ("regex", \Rule.regex)] {
            guard let value = present(key) else { continue }
            guard let text = value.string else { return nil }
            rule[keyPath: path] = text
        }
        if let value = present("maxLength") {
            guard let maxLength = value.integer else { return nil }
            rule.maxLength = maxLength
        }
        if let value = present("dropRest") {
            guard let dropRest = value.bool else { return nil }
            rule.dropRest = dropRest
        }
        return rule
    }

    private static func plainIdentity(_ value: PlainJSONValue?) -> IdentitySettings? {
        guard let object = value?.object,
              let headline = object["headlineWindowDays"]?.number,
              let similarity = object["similarityWindowDays"]?.number,
              let threshold = object["similarityThreshold"]?.number else { return nil }
        return IdentitySettings(headlineWindowDays: headline, similarityWindowDays: similarity,
                                similarityThreshold: threshold)
    }

    private static func plainDiff(_ value: PlainJSONValue?) -> DiffSettings? {
        guard let object = value?.object else { return nil }
        var diff = DiffSettings()
        let fractions: [(String, WritableKeyPath<DiffSettings, Double>)] = [
            ("changeThreshold", \.changeThreshold), ("moveThreshold", \.moveThreshold),
            ("splitThreshold", \.splitThreshold), ("sentenceWithinThreshold", \.sentenceWithinThreshold),
            ("sentenceAcrossThreshold", \.sentenceAcrossThreshold), ("sentenceGroupMargin", \.sentenceGroupMargin),
            ("sentenceSlotThreshold", \.sentenceSlotThreshold), ("sentenceMovedThreshold", \.sentenceMovedThreshold),
            ("sentenceContainmentThreshold", \.sentenceContainmentThreshold),
            ("sentenceReintroductionThreshold", \.sentenceReintroductionThreshold),
        ]
        let counts: [(String, WritableKeyPath<DiffSettings, Int>)] = [
            ("maximumSplit", \.maximumSplit), ("keyWordLength", \.keyWordLength),
            ("pairingNominees", \.pairingNominees), ("splitAnchors", \.splitAnchors),
            ("assignmentLimit", \.assignmentLimit), ("heaviestMovesLimit", \.heaviestMovesLimit),
            ("wordDiffLimit", \.wordDiffLimit), ("recastLeadParagraphs", \.recastLeadParagraphs),
        ]
        for (key, path) in fractions {
            guard let number = object[key]?.number else { return nil }
            diff[keyPath: path] = number
        }
        for (key, path) in counts {
            guard let number = object[key]?.integer else { return nil }
            diff[keyPath: path] = number
        }
        return diff
    }
}
