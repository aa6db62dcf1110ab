import ArgumentParser
import Foundation
import Writethru

/// `--since TIME` on `timeline` and `audit`: only the versions updated at or after TIME are
/// shown, each still compared with the version before it. TIME is absolute (ISO 8601, a date)
/// or before now (`45m`, `2h`, `3d`, `1w`; now is `WRITETHRU_NOW` when set).
struct SinceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only versions updated at or after this time: ISO 8601, a date, or before now (45m, 2h, 3d, 1w).",
        valueName: "time"))
    var since: String?

    func date(archive: Archive?) throws(WritethruError) -> Date? {
        try TimeOption.parse(since, option: "--since", archive: archive)
    }
}
