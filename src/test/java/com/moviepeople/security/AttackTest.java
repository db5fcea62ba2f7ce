package com.moviepeople.security;

import com.moviepeople.IntegrationTest;
import com.moviepeople.accounts.MemberModeration;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.CurrentMember;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the attack suite: a small world of members and their things, and a snapshot of every
 * application table, so that each refused attempt can prove that nothing changed.
 */
abstract class AttackTest extends IntegrationTest {

    /** Tables whose rows a refused request may legitimately touch: the rate-limit counters. */
    /** Bookkeeping that any request may touch: migrations, rate-limit buckets, HTTP sessions (Spring Session). */
    private static final List<String> NOT_SNAPSHOTTED = List.of("flyway_schema_history", "rate_limit_bucket",
            "spring_session", "spring_session_attributes",
            // Bookkeeping of background work (event hand-over, the clean-up's lock), not members' data.
            "event_publication", "shedlock");

    @Autowired
    Connections connections;

    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    @Autowired
    PortfolioService portfolio;

    @Autowired
    MemberModeration moderation;

    @Autowired
    com.moviepeople.media.PrivateFiles privateFiles;

    /**
     * Victim's things that the attacker must not reach: victim is connected to friend (not to the
     * attacker), has a pending request from requester, a portfolio item, a post with the friend's
     * comment, and a conversation with the friend. A report by the friend waits in the queue.
     */
    record World(CurrentMember victim, CurrentMember attacker, CurrentMember friend, CurrentMember requester,
                 long item, long post, long comment, long connection, long pending, long message, long conversation,
                 long report, Credits credits, long range, long notification, long still, long call, long application,
                 long export) {
    }

    /**
     * A production the victim, the friend and the requester are credited on (the attacker is not):
     * the friend confirmed the victim's credit, the victim confirmed the requester's and not yet the
     * friend's. Written as SQL: set-up only.
     */
    record Credits(long production, long victimCredit, long friendCredit, long requesterCredit) {
    }

    Credits credits(CurrentMember victim, CurrentMember friend, CurrentMember requester) {
        long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2023, 'feature') returning id",
                Long.class, "Attack film " + victim.username());
        String credit = "insert into credit (production_id, member_id, role, department) values (?, ?, ?, 'Other') returning id";
        long victimCredit = jdbc.queryForObject(credit, Long.class, production, victim.id(), "Director");
        long friendCredit = jdbc.queryForObject(credit, Long.class, production, friend.id(), "Gaffer");
        long requesterCredit = jdbc.queryForObject(credit, Long.class, production, requester.id(), "Colorist");
        String confirm = "insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id) values (?, ?, ?, ?)";
        jdbc.update(confirm, victimCredit, victim.id(), production, friend.id());
        jdbc.update(confirm, requesterCredit, requester.id(), production, victim.id());
        return new Credits(production, victimCredit, friendCredit, requesterCredit);
    }

    World world() {
        java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now());
        CurrentMember victim = newMember("victim");
        CurrentMember attacker = newMember("attacker");
        CurrentMember friend = newMember("friend");
        CurrentMember requester = newMember("requester");
        long connection = connections.request(victim.id(), friend.id()).state().connectionId();
        connections.accept(friend.id(), connection);
        long pending = connections.request(requester.id(), victim.id()).state().connectionId();
        long item = portfolio.add(victim.id(), new PortfolioItemForm("Victim's short", "Private cut", null, 2024, "Editor")).id();
        long post = feed.publish(victim.id(), "Only for my network");
        long comment = feed.comment(friend.id(), post, "Friend's comment");
        long message = messaging.send(friend.id(), victim.id(), "Between us");
        long conversation = jdbc.queryForObject("select id from conversation where member_a = least(?, ?) and member_b = greatest(?, ?)",
                Long.class, victim.id(), friend.id(), victim.id(), friend.id());
        long report = jdbc.queryForObject("""
                insert into report (reporter_id, target_type, target_id, target_member_id, excerpt, reason)
                values (?, 'POST', ?, ?, 'x', 'A report that must stay open') returning id""", Long.class, friend.id(), post, victim.id());
        // One of the victim's availability ranges, with a private note (set-up SQL).
        long range = jdbc.queryForObject("""
                insert into availability_range (member_id, start_date, end_date, status, note)
                values (?, current_date + 30, current_date + 40, 'BOOKED', 'Victim''s private client') returning id""",
                Long.class, victim.id());
        // What the victim was told about the friend's comment (written here: the listener runs later).
        long notification = jdbc.queryForObject("""
                insert into notification (recipient_id, kind, actor_id, post_id, comment_id, group_key)
                values (?, 'COMMENT', ?, ?, ?, ?) returning id""",
                Long.class, victim.id(), friend.id(), post, comment, "COMMENT:attack:" + post);
        jdbc.update("insert into notification_actor (notification_id, actor_id) values (?, ?)", notification, friend.id());
        // A still of the victim's item (the row is enough: refused requests never reach the files).
        long still = jdbc.queryForObject("""
                insert into portfolio_still (item_id, picture_id, width, height) values (?, ?, 1600, 900) returning id""",
                Long.class, item, com.moviepeople.media.MediaKeysForTests.newPictureId());
        // The victim's open crew call, and the friend's application to it (set-up SQL).
        long call = jdbc.queryForObject("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, pay_rate, pay_unit, currency, deadline, description)
                values (?, 'Victim''s call', 'Gaffer', 'Berlin', current_date + 30, current_date + 35, 300, 'day', 'EUR', current_date + 20,
                        'Victim''s private brief') returning id""", Long.class, victim.id());
        long application = jdbc.queryForObject("""
                insert into call_application (call_id, applicant_id, note) values (?, ?, 'Friend''s note') returning id""",
                Long.class, call, friend.id());
        // The victim's data export, ready, with its file really stored (so only the owner check refuses).
        String exportKey;
        try {
            java.nio.file.Path zip = java.nio.file.Files.createTempFile("attack-export-", ".zip");
            java.nio.file.Files.writeString(zip, "Victim's export");
            exportKey = privateFiles.storeZip(zip);
            java.nio.file.Files.delete(zip);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long export = jdbc.queryForObject("""
                insert into data_export (member_id, status, started_at, finished_at, expires_at, storage_key, file_size, attempts)
                values (?, 'ready', now(), now(), now() + interval '7 days', ?, 15, 1) returning id""", Long.class, victim.id(), exportKey);
        // The background work this world set off (feed posts, notifications) is done before any
        // snapshot: a refused attack must find the tables exactly as they were.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where publication_date >= ?", Long.class, started) == 0);
        return new World(victim, attacker, friend, requester, item, post, comment, connection, pending, message, conversation, report,
                credits(victim, friend, requester), range, notification, still, call, application, export);
    }

    /** Every application table's rows, hashed: equal snapshots mean nothing was written. */
    Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                select tablename from pg_tables where schemaname = 'public' order by tablename""", String.class)) {
            if (!NOT_SNAPSHOTTED.contains(table)) {
                tables.put(table, jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t",
                        String.class));
            }
        }
        return tables;
    }

    void assertUnchangedSince(Map<String, String> before) {
        assertThat(snapshot()).as("database after a refused request").isEqualTo(before);
    }
}
