package com.moviepeople.connections;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * connections.json: the member's accepted connections, by username and display name with the date
 * they connected; nothing else of theirs. In chunks, names looked up once per chunk.
 */
@Component
class ConnectionsPersonalData implements PersonalData {

    record ConnectionData(String username, String displayName, Instant connectedAt) {
    }

    private record Row(long id, long otherId, Instant connectedAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    ConnectionsPersonalData(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "connections.json";
    }

    @Override
    public String description() {
        return """
                Your connections: username and displayName of each member you are connected with, and
                connectedAt (when the request was accepted).""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        try (PersonalData.JsonArray array = out.jsonArray()) {
            long after = 0;
            List<Row> chunk;
            do {
                chunk = jdbc.sql("""
                                select id, case when requester_id = :me then receiver_id else requester_id end as other_id, responded_at
                                from connection
                                where (requester_id = :me or receiver_id = :me) and status = 'ACCEPTED' and id > :after
                                order by id limit :n""")
                        .param("me", memberId).param("after", after).param("n", CHUNK)
                        .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("other_id"), rs.getTimestamp("responded_at").toInstant()))
                        .list();
                Map<Long, MemberSummary> names = members.findAllById(chunk.stream().map(Row::otherId).toList());
                for (Row row : chunk) {
                    MemberSummary other = names.get(row.otherId());
                    if (other != null) {
                        array.add(new ConnectionData(other.username(), other.displayName(), row.connectedAt()));
                    }
                    after = row.id();
                }
            } while (chunk.size() == CHUNK);
        }
    }
}
