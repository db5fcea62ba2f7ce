package com.moviepeople.accounts;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;

/** account.json: the member's own account (their e-mail address included; never anyone else's). */
@Component
class AccountPersonalData implements PersonalData {

    record Account(String username, String displayName, String email, Instant emailVerifiedAt, Instant memberSince) {
    }

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "account.json";
    }

    @Override
    public String description() {
        return """
                Your account: username, displayName, email (your address), emailVerifiedAt (when you
                confirmed it, or null), memberSince (when you signed up). Your password is not included.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        Account account = jdbc.sql("select username, display_name, email, email_verified_at, created_at from member where id = :id")
                .param("id", memberId)
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                        instant(rs.getTimestamp("email_verified_at")), instant(rs.getTimestamp("created_at"))))
                .optional().orElse(null);
        out.json(account);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
