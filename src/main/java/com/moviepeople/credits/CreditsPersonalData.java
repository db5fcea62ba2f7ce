package com.moviepeople.credits;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;

/** credits.json: the member's credits with their productions and how many colleagues confirmed each (one statement). */
@Component
class CreditsPersonalData implements PersonalData {

    record ProductionData(long id, String title, int year, String kind, String link) {
    }

    record CreditData(long id, ProductionData production, String role, String department, String note,
                      long confirmations, Instant addedAt) {
    }

    private final JdbcClient jdbc;

    CreditsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "credits.json";
    }

    @Override
    public String description() {
        return """
                Your credits, newest production first: id, production (id, title, year, kind, link), role,
                department, note (episode, unit; or null), confirmations (how many colleagues confirmed
                it), addedAt.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        out.json(jdbc.sql("""
                        select c.id, c.role, c.department, c.note, c.created_at,
                               p.id as production_id, p.title, p.year, p.kind, p.link,
                               (select count(*) from credit_confirmation cc where cc.credit_id = c.id) as confirmations
                        from credit c join production p on p.id = c.production_id
                        where c.member_id = :me order by p.year desc, p.title, c.id""")
                .param("me", memberId)
                .query((rs, n) -> new CreditData(rs.getLong("id"),
                        new ProductionData(rs.getLong("production_id"), rs.getString("title"), rs.getInt("year"),
                                rs.getString("kind"), rs.getString("link")),
                        rs.getString("role"), rs.getString("department"), rs.getString("note"),
                        rs.getLong("confirmations"), rs.getTimestamp("created_at").toInstant()))
                .list());
    }
}
