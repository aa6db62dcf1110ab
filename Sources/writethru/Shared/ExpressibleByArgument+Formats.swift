import ArgumentParser
import StoryText
import Writethru
import WritethruRender

// The library enums that options take as they are: their raw values are the arguments.
extension OutputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension AuditFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension SearchScope: ExpressibleByArgument {}
extension StorySort: ExpressibleByArgument {}
