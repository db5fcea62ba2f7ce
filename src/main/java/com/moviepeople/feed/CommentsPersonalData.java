package com.moviepeople.feed;

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
 * comments.json: the member's comments on other members' posts (those on their own posts are in
 * posts.json), with the post's id and author. In chunks; names once per chunk.
 */
@Component
class CommentsPersonalData implements PersonalData {

    record PostAuthor(String username, String displayName) {
    }

    record CommentElsewhere(long id, long postId, PostAuthor postAuthor, String body, Instant createdAt) {
    }

    private record Row(long id, long postId, long postAuthorId, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    CommentsPersonalData(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Override
    public String name() {
        return "comments.json";
    }

    @Override
    public String description() {
        return """
                Your comments on other members' posts, oldest first: id, postId, postAuthor (username,
                displayName), body, createdAt. Your comments on your own posts are in posts.json.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        try (PersonalData.JsonArray array = out.jsonArray()) {
            long after = 0;
            List<Row> chunk;
            do {
                chunk = jdbc.sql("""
                                select c.id, c.post_id, p.author_id, c.body, c.created_at
                                from comment c join post p on p.id = c.post_id
                                where c.author_id = :me and p.author_id <> :me and c.id > :after
                                order by c.id limit :n""")
                        .param("me", memberId).param("after", after).param("n", CHUNK)
                        .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"),
                                rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                        .list();
                Map<Long, MemberSummary> names = members.findAllById(chunk.stream().map(Row::postAuthorId).toList());
                for (Row row : chunk) {
                    MemberSummary author = names.get(row.postAuthorId());
                    array.add(new CommentElsewhere(row.id(), row.postId(),
                            author == null ? null : new PostAuthor(author.username(), author.displayName()),
                            row.body(), row.createdAt()));
                    after = row.id();
                }
            } while (chunk.size() == CHUNK);
        }
    }
}
