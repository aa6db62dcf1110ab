import Foundation
import Testing
@testable import StoryText

/// Writethru's JSON always carries every key: an absent optional is `null`, never a missing key.
@Suite struct NullableTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func absentValuesAreWrittenAsNull() throws {
        #expect(try json(Dateline(place: "GAZA", date: nil, agency: nil)) == #"{"agency":null,"date":null,"place":"GAZA"}"#)
        #expect(try json(AdvisoryItem(verb: nil, object: "comment", paragraphs: [])) == #"{"object":"comment","paragraphs":[],"verb":null}"#)
        #expect(try json(Dateline(place: "BEIJING", date: "March 10", agency: "Reuters"))
                == #"{"agency":"Reuters","date":"March 10","place":"BEIJING"}"#)
    }

    @Test func nullAndMissingKeysBothReadAsNil() throws {
        let decoder = JSONDecoder()
        let missing = try decoder.decode(Dateline.self, from: Data(#"{"place":"GAZA"}"#.utf8))
        let null = try decoder.decode(Dateline.self, from: Data(#"{"place":"GAZA","date":null,"agency":null}"#.utf8))
        #expect(missing == Dateline(place: "GAZA", date: nil, agency: nil))
        #expect(null == missing)
        let present = try decoder.decode(Dateline.self, from: Data(#"{"place":"GAZA","date":"May 2","agency":"AP"}"#.utf8))
        #expect(present == Dateline(place: "GAZA", date: "May 2", agency: "AP"))
        #expect(throws: DecodingError.self) {
            try decoder.decode(Dateline.self, from: Data(#"{"place":"GAZA","date":7}"#.utf8))
        }
    }
}
