package com.moviepeople.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Unguessable (256-bit), single-use, expiring tokens for links in e-mails; stored only as SHA-256 hashes. */
@Component
class AccountTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    record Redeemed(long memberId, String email) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token and invalidates the member's earlier unused ones for the same purpose. */
    @Transactional
    String issue(long memberId, Purpose purpose, String email, Duration validity) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now(clock);
        jdbc.sql("update account_token set used_at = :now where member_id = :member and purpose = :purpose and used_at is null")
                .param("now", Timestamp.from(now)).param("member", memberId).param("purpose", purpose.name()).update();
        jdbc.sql("""
                        insert into account_token(member_id, purpose, token_hash, email, created_at, expires_at)
                        values (:member, :purpose, :hash, cast(:email as citext), :now, :expires)""")
                .param("member", memberId).param("purpose", purpose.name()).param("hash", hash(token))
                .param("email", email).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(validity)))
                .update();
        return token;
    }

    /** Whether the token would be accepted now, without using it up (to show the reset form). */
    @Transactional(readOnly = true)
    boolean isValid(String token, Purpose purpose) {
        if (!plausible(token)) {
            return false;
        }
        return jdbc.sql("""
                        select exists(select 1 from account_token where token_hash = :hash and purpose = :purpose
                                      and used_at is null and expires_at > :now)""")
                .param("hash", hash(token)).param("purpose", purpose.name()).param("now", Timestamp.from(Instant.now(clock)))
                .query(Boolean.class).single();
    }

    /** Uses the token up atomically: of two simultaneous clicks, exactly one succeeds. */
    @Transactional
    Optional<Redeemed> redeem(String token, Purpose purpose) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning member_id, email::text""")
                .param("hash", hash(token)).param("purpose", purpose.name()).param("now", Timestamp.from(Instant.now(clock)))
                .query((rs, n) -> new Redeemed(rs.getLong(1), rs.getString(2))).optional();
    }

    private static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
