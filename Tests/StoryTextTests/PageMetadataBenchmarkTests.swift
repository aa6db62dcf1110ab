import Foundation
import StoryText
import TestSupport
import Testing

/// Headline, authors and publication time read from the shared benchmark pages against what a
/// person read on them (Fixtures/page-metadata.json). The pages stay in ../shared (beside the
/// clone, as CI has them); without them the test says so and passes. The floors are the rates
/// reached when the annotations were made (docs/benchmarks.md): a change may raise them, never
/// lower them.
@Suite struct PageMetadataBenchmarkTests {
    static let pages = Fixtures.root.appendingPathComponent("../shared/benchmarks/article-extraction/html").standardized

    @Test func exactMatchRatesStayAtTheirFloors() throws {
        let annotations = try JSONDecoder().decode([String: MetadataAnnotation].self,
                                                   from: Data(Fixtures.bytes("Tests/StoryTextTests/Fixtures/page-metadata.json")))
        #expect(annotations.count >= 51)
        guard FileManager.default.fileExists(atPath: Self.pages.path) else {
            print("PageMetadataBenchmarkTests: \(Self.pages.path) is missing; the benchmark pages were not read")
            return
        }
        var score = MetadataScore()
        for (id, annotation) in annotations.sorted(by: { $0.key < $1.key }) {
            let html = try #require(Fixtures.gunzip(Self.pages.appendingPathComponent(id + ".html.gz")), "page \(id)")
            // A page the reader cannot decode counts as read with nothing found.
            let misses = (try? PageMetadata(html: html)).map { score.add(annotation, $0) }
                ?? score.add(annotation, headline: nil, authors: [], published: nil)
            for miss in misses { print("page-metadata \(id.prefix(12)) \(miss)") }
        }
        print("page-metadata: \(score.summary)")
        #expect(score.rate(score.headlines) >= 1.0)
        #expect(score.rate(score.authors) >= 0.94)
        #expect(score.rate(score.publishedInstants) >= 0.92)
        #expect(score.rate(score.publishedOffsets) >= 0.84)
    }
}
