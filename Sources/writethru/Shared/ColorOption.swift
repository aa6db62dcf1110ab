import ArgumentParser
import Foundation
import WritethruRender

/// `--color auto|always|never`, with NO_COLOR and TERM=dumb respected on auto.
struct ColorOption: ParsableArguments {
    @Option(name: .long, help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    var enabled: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: Terminal.isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }

    var style: TextStyle { TextStyle(color: enabled, width: Terminal.width) }
}

/// The values of `--color`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
