package com.moviepeople.moderation;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberModeration;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moderators' queue and its two actions. Every method checks, against the database, that the
 * acting member is a moderator now (the URL rule checks the role granted at login; this catches
 * a role taken away since).
 */
@Service
class ModerationService {

    enum Outcome { DONE, ALREADY_HANDLED, MEMBER_GONE, SELF, MODERATOR, NOT_A_CALL }

    record Handled(Outcome outcome, MemberSummary member) {
    }

    /** One open report as the queue shows it; reporter and member are null once their accounts are deleted. */
    record ReportView(long id, TargetType targetType, long targetId, String excerpt, ReportCategory category,
                      String reason, Instant createdAt, MemberSummary reporter, MemberSummary member) {

        public String categoryLabel() {
            return category == null ? null : category.label();
        }
    }

    record Queue(List<ReportView> reports, Long nextAfter) {
    }

    private record Row(long id, String type, long targetId, Long reporterId, Long memberId, String excerpt,
                       String category, String reason, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;
    private final MemberModeration moderation;
    private final Clock clock;

    private final com.moviepeople.calls.Calls calls;

    ModerationService(JdbcClient jdbc, MemberDirectory members, MemberModeration moderation, Clock clock,
                      com.moviepeople.calls.Calls calls) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.members = members;
        this.moderation = moderation;
        this.clock = clock;
    }

    /** Open reports, oldest first, with ids above {@code afterId}: one query for the page, one for the names. */
    @Transactional(readOnly = true)
    Queue openReports(long moderatorId, long afterId, int limit) {
        requireModerator(moderatorId);
        List<Row> rows = jdbc.sql("""
                        select id, target_type, target_id, reporter_id, target_member_id, excerpt, category, reason, created_at
                        from report where status = 'OPEN' and id > :after
                        order by id limit :n""")
                .param("after", afterId).param("n", limit + 1)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("target_type"), rs.getLong("target_id"),
                        (Long) rs.getObject("reporter_id"), (Long) rs.getObject("target_member_id"), rs.getString("excerpt"),
                        rs.getString("category"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
                .list();
        KeysetSlice<Row> slice = KeysetSlice.of(rows, limit);
        List<Row> page = slice.rows();
        Set<Long> ids = new HashSet<>();
        page.forEach(r -> {
            if (r.reporterId() != null) {
                ids.add(r.reporterId());
            }
            if (r.memberId() != null) {
                ids.add(r.memberId());
            }
        });
        Map<Long, MemberSummary> names = ids.isEmpty() ? Map.of() : members.findAllById(ids);
        List<ReportView> views = page.stream().map(r -> new ReportView(r.id(), TargetType.valueOf(r.type()), r.targetId(),
                r.excerpt(), r.category() == null ? null : ReportCategory.valueOf(r.category()), r.reason(), r.createdAt(),
                r.reporterId() == null ? null : names.get(r.reporterId()),
                r.memberId() == null ? null : names.get(r.memberId()))).toList();
        return new Queue(views, slice.next(Row::id));
    }

    /** Closes the report without action; a second dismissal changes nothing. Unknown report: 404. */
    @Transactional
    Handled dismiss(long moderatorId, long reportId) {
        requireModerator(moderatorId);
        int updated = jdbc.sql("""
                        update report set status = 'DISMISSED', handled_by = :me, handled_at = :now
                        where id = :id and status = 'OPEN'""")
                .param("me", moderatorId).param("now", Timestamp.from(clock.instant())).param("id", reportId).update();
        if (updated == 0) {
            requireExists(reportId);
            return new Handled(Outcome.ALREADY_HANDLED, null);
        }
        return new Handled(Outcome.DONE, null);
    }

    /**
     * Suspends the member the report is about (they cannot log in, their sessions end) and closes
     * every open report about them. Unknown report: 404. Handled already, the member gone, the
     * moderator themself or another moderator: nothing changes.
     */
    @Transactional
    Handled suspend(long moderatorId, long reportId) {
        requireModerator(moderatorId);
        record Locked(String status, Long memberId) {
        }
        Locked report = jdbc.sql("select status, target_member_id from report where id = :id for update")
                .param("id", reportId)
                .query((rs, n) -> new Locked(rs.getString(1), (Long) rs.getObject(2))).optional()
                .orElseThrow(NotFoundException::new);
        if (!"OPEN".equals(report.status())) {
            return new Handled(Outcome.ALREADY_HANDLED, null);
        }
        MemberSummary member = report.memberId() == null ? null : members.findById(report.memberId()).orElse(null);
        if (member == null) {
            return new Handled(Outcome.MEMBER_GONE, null);
        }
        if (member.id() == moderatorId) {
            return new Handled(Outcome.SELF, member);
        }
        if (moderation.isModerator(member.id())) {
            // One moderator cannot lock another out; that takes removing their moderator role first.
            return new Handled(Outcome.MODERATOR, member);
        }
        moderation.suspend(member.id(), moderatorId);
        jdbc.sql("""
                        update report set status = 'ACTIONED', handled_by = :me, handled_at = :now
                        where status = 'OPEN' and (id = :id or target_member_id = :member)""")
                .param("me", moderatorId).param("now", Timestamp.from(clock.instant()))
                .param("id", reportId).param("member", member.id()).update();
        return new Handled(Outcome.DONE, member);
    }

    /**
     * Removes the crew call a report is about and closes every open report about that call.
     * Unknown report: 404; a report about something else: nothing changes.
     */
    @Transactional
    Handled removeCall(long moderatorId, long reportId) {
        requireModerator(moderatorId);
        record Locked(String status, String type, long targetId) {
        }
        Locked report = jdbc.sql("select status, target_type, target_id from report where id = :id for update")
                .param("id", reportId)
                .query((rs, n) -> new Locked(rs.getString(1), rs.getString(2), rs.getLong(3))).optional()
                .orElseThrow(NotFoundException::new);
        if (!"OPEN".equals(report.status())) {
            return new Handled(Outcome.ALREADY_HANDLED, null);
        }
        if (!TargetType.CALL.name().equals(report.type())) {
            return new Handled(Outcome.NOT_A_CALL, null);
        }
        calls.remove(report.targetId(), moderatorId);
        jdbc.sql("""
                        update report set status = 'ACTIONED', handled_by = :me, handled_at = :now
                        where status = 'OPEN' and target_type = 'CALL' and target_id = :call""")
                .param("me", moderatorId).param("now", Timestamp.from(clock.instant())).param("call", report.targetId()).update();
        return new Handled(Outcome.DONE, null);
    }

    private void requireModerator(long memberId) {
        if (!moderation.isModerator(memberId)) {
            throw new AccessDeniedException("Moderators only");
        }
    }

    private void requireExists(long reportId) {
        if (!jdbc.sql("select exists(select 1 from report where id = :id)").param("id", reportId).query(Boolean.class).single()) {
            throw new NotFoundException();
        }
    }
}
