package com.moviepeople.calls;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * calls.json: the crew calls the member posted (with how many applied, not who) and the member's
 * own applications with the call they answer. Three statements.
 */
@Component
class CallsPersonalData implements PersonalData {

    record PostedCall(long id, String title, String role, String production, String location, boolean remote,
                      LocalDate startDate, LocalDate endDate, BigDecimal payRate, String payUnit, String currency,
                      boolean unpaid, LocalDate deadline, String description, String status, long applications,
                      Instant createdAt, Instant closedAt) {
    }

    record CallSummary(long id, String title, String role, String postedBy, String status) {
    }

    record ApplicationData(long id, CallSummary call, String note, String status, Instant appliedAt, Instant updatedAt) {
    }

    record CallsData(List<PostedCall> posted, List<ApplicationData> applications) {
    }

    private record ApplicationRow(long id, long callId, String title, String role, long posterId, String callStatus,
                                  String note, String status, Instant appliedAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    CallsPersonalData(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "calls.json";
    }

    @Override
    public String description() {
        return """
                Your crew calls. posted: the calls you posted, newest first: id, title, role, production
                ("Title (year)" or null), location (null when remote), remote, startDate, endDate, payRate,
                payUnit (hour, day, week or flat), currency (ISO 4217), unpaid, deadline, description,
                status (OPEN, FILLED, CANCELLED or REMOVED), applications (how many applied), createdAt,
                closedAt. applications: your applications, newest first: id, call (id, title, role,
                postedBy: the poster's username, status), note, status (APPLIED, SHORTLISTED or
                DECLINED), appliedAt, updatedAt.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        List<PostedCall> posted = jdbc.sql("""
                        select c.id, c.title, c.role, p.title || ' (' || p.year || ')' as production, c.location, c.remote,
                               c.start_date, c.end_date, c.pay_rate, c.pay_unit, c.currency, c.unpaid, c.deadline,
                               c.description, c.status, c.created_at, c.closed_at,
                               (select count(*) from call_application a where a.call_id = c.id) as applications
                        from crew_call c left join production p on p.id = c.production_id
                        where c.poster_id = :me order by c.created_at desc, c.id desc""")
                .param("me", memberId)
                .query((rs, n) -> new PostedCall(rs.getLong("id"), rs.getString("title"), rs.getString("role"),
                        rs.getString("production"), rs.getString("location"), rs.getBoolean("remote"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getBigDecimal("pay_rate"), rs.getString("pay_unit"), rs.getString("currency"),
                        rs.getBoolean("unpaid"), rs.getObject("deadline", LocalDate.class), rs.getString("description"),
                        rs.getString("status"), rs.getLong("applications"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("closed_at"))))
                .list();
        List<ApplicationRow> rows = jdbc.sql("""
                        select a.id, a.call_id, c.title, c.role, c.poster_id, c.status as call_status, a.note, a.status,
                               a.created_at, a.updated_at
                        from call_application a join crew_call c on c.id = a.call_id
                        where a.applicant_id = :me order by a.created_at desc, a.id desc""")
                .param("me", memberId)
                .query((rs, n) -> new ApplicationRow(rs.getLong("id"), rs.getLong("call_id"), rs.getString("title"),
                        rs.getString("role"), rs.getLong("poster_id"), rs.getString("call_status"), rs.getString("note"),
                        rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
        Map<Long, MemberSummary> posters = members.findAllById(rows.stream().map(ApplicationRow::posterId).toList());
        List<ApplicationData> applications = rows.stream().map(r -> new ApplicationData(r.id(),
                new CallSummary(r.callId(), r.title(), r.role(),
                        posters.containsKey(r.posterId()) ? posters.get(r.posterId()).username() : null, r.callStatus()),
                r.note(), r.status(), r.appliedAt(), r.updatedAt())).toList();
        out.json(new CallsData(posted, applications));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
