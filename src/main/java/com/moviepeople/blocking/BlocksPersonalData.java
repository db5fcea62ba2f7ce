package com.moviepeople.blocking;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** blocks.json: the members this member blocked, by username only (who blocked them is not theirs to know). */
@Component
class BlocksPersonalData implements PersonalData {

    record BlockData(String username, Instant blockedAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    BlocksPersonalData(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "blocks.json";
    }

    @Override
    public String description() {
        return """
                Members you blocked, newest first: username and blockedAt. Members who blocked you are
                not listed.""";
    }

    private record Row(long blockedId, Instant createdAt) {
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        // Two statements whatever the number: the blocks, then the names (accounts' API).
        List<Row> rows = jdbc.sql("""
                        select blocked_id, created_at from member_block
                        where blocker_id = :me order by created_at desc, blocked_id desc""")
                .param("me", memberId)
                .query((rs, n) -> new Row(rs.getLong("blocked_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
        Map<Long, MemberSummary> names = members.findAllById(rows.stream().map(Row::blockedId).toList());
        out.json(rows.stream().filter(row -> names.containsKey(row.blockedId()))
                .map(row -> new BlockData(names.get(row.blockedId()).username(), row.createdAt()))
                .toList());
    }
}
