import ArgumentParser
import Foundation
import WritethruRender
import WritethruSupport

/// `--color auto|always|never`. On `auto`, colour is on when the environment forces it or
/// standard output is a terminal, and off when the environment refuses it (README,
/// "Environment"; `ColorEnvironment`).
struct ColorOption: ParsableArguments {
    @Option(name: .long, help: "Colour: auto (on a terminal, or when FORCE_COLOR or CLICOLOR_FORCE asks), always or never.")
    var color: ColorChoice = .auto

    var enabled: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: ColorEnvironment(ProcessEnvironment.values(ColorEnvironment.names)).allowsColor(onTerminal: Terminal.isInteractive)
        }
    }

    var style: TextStyle { TextStyle(color: enabled, width: Terminal.width) }
}

/// What the environment says about colour, for `--color auto`, after https://no-color.org,
/// https://force-color.org and https://bixense.com/clicolors:
/// - `NO_COLOR` set and not empty: never colour; it wins over the two below (a user's refusal
///   outranks a tool's or a CI's request, as the CLICOLOR page orders them);
/// - `FORCE_COLOR` set, not empty and not `0`, or `CLICOLOR_FORCE` set, not empty and not `0`:
///   colour even when standard output is not a terminal, or TERM is `dumb` (`FORCE_COLOR=0`
///   and `CLICOLOR_FORCE=0` force nothing);
/// - otherwise colour on a terminal whose TERM is not `dumb`.
/// `--color always` and `--color never` outrank all of them.
struct ColorEnvironment {
    let environment: [String: String]

    /// The variables it reads.
    static let names = ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TERM"]

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// Whether the variable is set to a value that asks (not empty, not "0").
    private func asks(_ name: String) -> Bool {
        guard let value = environment[name] else { return false }
        return !value.isEmpty && value != "0"
    }

    var refuses: Bool { environment["NO_COLOR"].map { !$0.isEmpty } ?? false }
    var forces: Bool { asks("FORCE_COLOR") || asks("CLICOLOR_FORCE") }

    func allowsColor(onTerminal: Bool) -> Bool {
        if refuses { return false }
        if forces { return true }
        return onTerminal && environment["TERM"] != "dumb"
    }
}

/// The values of `--color`.
enum ColorChoice: String, NamedArgument {
    case auto, always, never
}
