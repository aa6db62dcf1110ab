import ArgumentParser
import StoryText
import Writethru
import WritethruRender

// The library enums that options take as they are: their raw values are the arguments.
extension OutputFormat: NamedArgument {}
extension ReportFormat: NamedArgument {}
extension AuditFormat: NamedArgument {}
extension InputFormat: NamedArgument {}
extension SearchScope: NamedArgument {}
extension StorySort: NamedArgument {}
