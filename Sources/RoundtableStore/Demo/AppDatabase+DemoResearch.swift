import Foundation
import GRDB
import RoundtableCore

/// What the research half of the demo created.
public struct DemoResearchSummary: Sendable {
    public var concepts = 0
    public var reactions = 0
    public var utterances = 0
    public var codings = 0
    public var notes = 0
    public var comments = 0
    public var surveys = 0
    /// The session whose transcript the demo codes.
    public var transcriptSession = EntityKey(.session, id: 1)
}

extension AppDatabase {
    /// Adds the research half of the demo to a workspace `loadDemo` has just built, through the
    /// same commands a researcher would use, one step after another: load the codebook, show
    /// concepts, record reactions, import and code a transcript, take notes, collect comment
    /// cards and surveys. `people` maps the demo's refs to keys; sessions are numbered from 1.
    /// `importTranscript` imports `research.transcriptPath` into the session given, as
    /// `transcript import` does, and returns how many utterances it made.
    public func loadDemoResearch(_ research: DemoResearch, codebook: [CodebookEntry], people: [String: EntityKey],
                                 importTranscript: (EntityKey) throws -> Int) throws -> DemoResearchSummary {
        func person(_ ref: String) throws -> EntityKey {
            guard let key = people[ref] else { throw RoundtableError.rule("demo research names unknown '\(ref)'") }
            return key
        }
        func session(_ number: Int) -> EntityKey { EntityKey(.session, id: Int64(number)) }
        var summary = DemoResearchSummary(transcriptSession: session(research.transcript.session))
        _ = try importCodes(codebook)
        for concept in research.concepts {
            _ = try addConcept(key: concept.key, title: concept.title, description: concept.description, version: concept.version)
            summary.concepts += 1
        }
        for shown in research.presentations {
            _ = try presentConcepts(session: session(shown.session), concepts: shown.concepts, rotate: shown.rotate ?? false)
        }
        for entry in research.reactions {
            _ = try react(session: session(entry.session), concept: entry.concept, participant: try person(entry.participant),
                          appeal: entry.appeal, intent: entry.intent, recommend: entry.recommend, expectation: entry.expectation,
                          comment: entry.comment)
            summary.reactions += 1
        }
        summary.utterances = try importTranscript(summary.transcriptSession)
        let lines = try transcript(session: summary.transcriptSession).lines
        for coding in research.codings {
            guard lines.indices.contains(coding.utterance - 1) else {
                throw RoundtableError.rule("demo research codes utterance \(coding.utterance), which the transcript does not have")
            }
            let utterance = lines[coding.utterance - 1].utterance
            let span = try DemoResearch.span(of: coding.quote, in: utterance.text, what: "\(utterance.key)")
            _ = try applyCode(coding.code, to: utterance.key, from: span.start, to: span.end, coder: coding.coder)
            summary.codings += 1
        }
        for entry in research.notes {
            let note = try addNote(session: session(entry.session), at: try entry.at.map(TranscriptText.parseTimestamp),
                                   kind: entry.kind, text: entry.text)
            if entry.closed == true { _ = try closeNote(note.key) }
            summary.notes += 1
        }
        for entry in research.comments {
            let card = try addComment(participant: try entry.participant.map(person), panel: entry.panel, channel: entry.channel,
                                      rating: entry.rating, text: entry.text)
            if let code = entry.code, let quote = entry.quote {
                let span = try DemoResearch.span(of: quote, in: card.text, what: "\(card.key)")
                _ = try applyCode(code, to: card.key, from: span.start, to: span.end, coder: entry.coder)
                summary.codings += 1
            }
            summary.comments += 1
        }
        for entry in research.surveys {
            _ = try recordSurvey(participant: try person(entry.participant), session: entry.session.map(session),
                                 quality: entry.quality, speed: entry.speed, price: entry.price, trust: entry.trust,
                                 recommend: entry.recommend, problems: entry.problems, needs: entry.needs)
            summary.surveys += 1
        }
        return summary
    }
}
