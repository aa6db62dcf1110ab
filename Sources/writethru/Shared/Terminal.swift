import Foundation
import WritethruSupport

/// What standard output is connected to.
enum Terminal {
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// COLUMNS, else the terminal's width, else 100.
    static var width: Int {
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap(Int.init), columns > 20 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }
}
