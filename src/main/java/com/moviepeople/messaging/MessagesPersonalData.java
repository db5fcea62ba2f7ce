package com.moviepeople.messaging;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * messages.json: the member's conversations, every message they sent or received, conversation by
 * conversation, oldest first. Only conversations the member is part of: the pair always includes
 * them. Read in chunks along the conversation index, names looked up once per chunk, so thousands
 * of messages cost a few statements.
 */
@Component
class MessagesPersonalData implements PersonalData {

    record Correspondent(String username, String displayName) {
    }

    record MessageData(Correspondent with, String direction, String body, Instant sentAt, Instant readAt) {
    }

    private record Row(long memberA, long memberB, long id, long senderId, long recipientId, String body,
                       Instant sentAt, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    MessagesPersonalData(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "messages.json";
    }

    @Override
    public String description() {
        return """
                Your messages, conversation by conversation and oldest first: with (username and
                displayName of the other member; username null and displayName "Deleted member" if they
                deleted their account), direction ("sent" by you or "received" from them), body, sentAt,
                readAt (when the recipient opened it, or null).""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        try (PersonalData.JsonArray array = out.jsonArray()) {
            long a = -1;
            long b = -1;
            long after = -1;
            List<Row> chunk;
            do {
                chunk = jdbc.sql("""
                                select c.member_a, c.member_b, m.id, m.sender_id, m.recipient_id, m.body, m.sent_at, m.read_at
                                from conversation c
                                join message m on least(m.sender_id, m.recipient_id) = c.member_a
                                              and greatest(m.sender_id, m.recipient_id) = c.member_b
                                where (c.member_a = :me or c.member_b = :me)
                                  and (c.member_a, c.member_b) >= (:a, :b)
                                  and (c.member_a, c.member_b, m.id) > (:a, :b, :after)
                                order by c.member_a, c.member_b, m.id
                                limit :n""")
                        .param("me", memberId).param("a", a).param("b", b).param("after", after).param("n", CHUNK)
                        .query((rs, n) -> new Row(rs.getLong("member_a"), rs.getLong("member_b"), rs.getLong("id"),
                                rs.getLong("sender_id"), rs.getLong("recipient_id"), rs.getString("body"),
                                rs.getTimestamp("sent_at").toInstant(), instant(rs.getTimestamp("read_at"))))
                        .list();
                Map<Long, MemberSummary> names = members.findAllById(chunk.stream()
                        .map(row -> row.senderId() == memberId ? row.recipientId() : row.senderId()).toList());
                for (Row row : chunk) {
                    boolean sent = row.senderId() == memberId;
                    MemberSummary other = names.get(sent ? row.recipientId() : row.senderId());
                    Correspondent with = other == null
                            ? new Correspondent(null, MemberNames.DELETED_MEMBER)
                            : new Correspondent(other.username(), other.displayName());
                    array.add(new MessageData(with, sent ? "sent" : "received", row.body(), row.sentAt(), row.readAt()));
                    a = row.memberA();
                    b = row.memberB();
                    after = row.id();
                }
            } while (chunk.size() == CHUNK);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
