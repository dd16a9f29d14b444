import Foundation
import GRDB
import RoundtableCore

extension AppDatabase {
    /// Who may be invited: members of `panel` (or of the session's panel, or everyone), judged for
    /// `session` if given, else for now.
    public func eligibility(panel: String?, session key: EntityKey?, policy: EligibilityPolicy) throws -> [EligibilityVerdict] {
        try read { db in
            let target = try key.map { try Lookup.session(db, $0) }
            let panelId: Int64? = if let panel { try Lookup.panel(db, panel).id } else { target?.panelId }
            var request = Participant.all()
            if let panelId {
                request = request.filter(sql: "id IN (SELECT participantId FROM membership WHERE panelId = ? AND status = 'active')",
                                         arguments: [panelId])
            }
            let candidates = try request.order(Column("id")).fetchAll(db)
            let moment = target?.startsAt ?? clock()
            let facts = try EligibilityFactsQuery.facts(db, participants: candidates, target: target, moment: moment, policy: policy)
            return candidates.map { person in
                EligibilityVerdict(participant: person,
                                   reasons: policy.exclusions(facts[person.id!]!, target: target?.key, at: moment))
            }
        }
    }

    /// Invites participants to a session; if any one is ineligible, nobody is invited.
    public func invite(_ key: EntityKey, participants: [EntityKey], policy: EligibilityPolicy) throws -> [Seat] {
        try write { db in try invite(db, key, participants: participants, policy: policy) }
    }

    /// Records a participant's answer; a yes is refused when the session is full or the person is no
    /// longer eligible (consent withdrawn, cool-down, a clash that arose since the invitation).
    public func respond(_ key: EntityKey, participant: EntityKey, accepts: Bool,
                        policy: EligibilityPolicy = EligibilityPolicy()) throws -> Seat {
        try write { db in try respond(db, key, participant: participant, accepts: accepts, policy: policy) }
    }

    /// Records who came and who did not; the session becomes in-progress.
    public func recordAttendance(_ key: EntityKey, attended: [EntityKey], noShow: [EntityKey]) throws -> Session {
        try write { db in try recordAttendance(db, key, attended: attended, noShow: noShow) }
    }

    func invite(_ db: Database, _ key: EntityKey, participants keys: [EntityKey], policy: EligibilityPolicy) throws -> [Seat] {
        let session = try Lookup.session(db, key)
        try SeatingRules.checkOpenForReplies(session, action: "invite people to")
        guard Set(keys).count == keys.count else { throw RoundtableError.usage("a participant is named twice") }
        let people = try keys.map { try Lookup.participant(db, $0) }
        let facts = try EligibilityFactsQuery.facts(db, participants: people, target: session, moment: session.startsAt,
                                                    policy: policy)
        let members: Set<Int64>? = try session.panelId.map { panelId in
            Set(try Int64.fetchAll(db, sql: "SELECT participantId FROM membership WHERE panelId = ? AND status = 'active'",
                                   arguments: [panelId]))
        }
        var seats: [Seat] = []
        for person in people {
            if let members, !members.contains(person.id!) {
                let panelKey = try Panel.fetchOne(db, key: session.panelId!)?.key ?? "its panel"
                throw RoundtableError.rule("cannot invite \(person.key) to \(key): not an active member of \(panelKey)")
            }
            let reasons = policy.exclusions(facts[person.id!]!, target: key, at: session.startsAt)
            if !reasons.isEmpty {
                throw RoundtableError.rule(
                    "cannot invite \(person.key) to \(key): \(reasons.map(\.description).joined(separator: "; "))")
            }
            var seat = Seat(sessionId: key.id, participantId: person.id!, invitedAt: clock())
            try seat.insert(db)
            seats.append(seat)
            try audit(db, "session.invite", "\(key)", "\(person.key)")
        }
        return seats
    }

    func respond(_ db: Database, _ key: EntityKey, participant: EntityKey, accepts: Bool,
                 policy: EligibilityPolicy) throws -> Seat {
        let session = try Lookup.session(db, key)
        try SeatingRules.checkOpenForReplies(session, action: "take replies for")
        var seat = try Self.seat(db, session: key, participant: participant)
        let next: SeatStatus = accepts ? .confirmed : .declined
        try SeatingRules.checkMove(seat.status, to: next, participant: participant, session: key)
        if accepts {
            // Things change between invitation and answer: judge the person again, this seat aside.
            let person = try Lookup.participant(db, participant)
            let facts = try EligibilityFactsQuery.facts(db, participants: [person], target: session,
                                                        moment: session.startsAt, policy: policy)
            let reasons = policy.exclusions(facts[person.id!]!, target: key, at: session.startsAt)
                .filter { $0.rule != "already-seated" }
            if !reasons.isEmpty {
                throw RoundtableError.rule(
                    "cannot confirm \(participant) for \(key): \(reasons.map(\.description).joined(separator: "; "))")
            }
            try SeatingRules.checkCapacity(session, confirmed: try Self.takenSeats(db, key), adding: 1)
        }
        seat.status = next
        seat.updatedAt = clock()
        try seat.update(db)
        try audit(db, "session.rsvp", "\(key)", "\(participant) \(next.rawValue)")
        return seat
    }

    func recordAttendance(_ db: Database, _ key: EntityKey, attended: [EntityKey], noShow: [EntityKey]) throws -> Session {
        var session = try Lookup.session(db, key)
        try SeatingRules.checkCanRecordAttendance(session, now: clock())
        let overlap = Set(attended).intersection(noShow)
        guard overlap.isEmpty else {
            throw RoundtableError.usage("\(overlap.map(\.description).sorted().joined(separator: ", ")) both attended and no-show")
        }
        guard !attended.isEmpty || !noShow.isEmpty else { throw RoundtableError.usage("name who attended or --no-show") }
        var taken = try Self.takenSeats(db, key)
        for (participant, next) in attended.map({ ($0, SeatStatus.attended) }) + noShow.map({ ($0, SeatStatus.noShow) }) {
            var seat = try Self.seat(db, session: key, participant: participant)
            guard seat.status != next else { continue }
            try SeatingRules.checkMove(seat.status, to: next, participant: participant, session: key)
            if next.takesPlace && !seat.status.takesPlace {
                try SeatingRules.checkCapacity(session, confirmed: taken, adding: 1)
                taken += 1
            } else if !next.takesPlace && seat.status.takesPlace {
                taken -= 1
            }
            seat.status = next
            seat.updatedAt = clock()
            try seat.update(db)
            try audit(db, "session.attend", "\(key)", "\(participant) \(next.rawValue)")
        }
        if session.status == .scheduled {
            session.status = .inProgress
            try session.update(db)
        }
        return session
    }

    static func seat(_ db: Database, session: EntityKey, participant: EntityKey) throws -> Seat {
        guard let seat = try Seat.filter(Column("sessionId") == session.id && Column("participantId") == participant.id)
            .fetchOne(db)
        else {
            _ = try Lookup.participant(db, participant)
            throw RoundtableError.rule("\(participant) was not invited to \(session)")
        }
        return seat
    }

    static func takenSeats(_ db: Database, _ session: EntityKey) throws -> Int {
        try Seat.filter(Column("sessionId") == session.id && ["confirmed", "attended"].contains(Column("status"))).fetchCount(db)
    }
}
