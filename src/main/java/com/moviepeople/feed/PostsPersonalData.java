package com.moviepeople.feed;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * posts.json: the member's posts, each with its comments as the member sees them under the post
 * (author's name and text; not the comments of members blocked either way, which the member does
 * not see either). Per chunk of posts: one statement for the posts, one for their comments, one for
 * the commenters' names.
 */
@Component
class PostsPersonalData implements PersonalData {

    record Author(String username, String displayName) {
    }

    record CommentData(long id, Author author, String body, Instant createdAt) {
    }

    record PostData(long id, String kind, String body, String title, String mediaUrl, long applause, Instant createdAt,
                    List<CommentData> comments) {
    }

    private record PostRow(long id, String kind, String body, String title, String mediaUrl, long applause, Instant createdAt) {
    }

    private record CommentRow(long id, long postId, long authorId, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;
    private final Blocks blocks;

    PostsPersonalData(JdbcClient jdbc, MemberDirectory members, Blocks blocks) {
        this.jdbc = jdbc;
        this.members = members;
        this.blocks = blocks;
    }

    @Override
    public String name() {
        return "posts.json";
    }

    @Override
    public String description() {
        return """
                Your posts, oldest first: id, kind (TEXT; PORTFOLIO, CREDIT and CONFIRMATION for the
                automatic posts about a new portfolio item, a new credit, a confirmed credit), body (your
                text, or null), title (the portfolio item or credit announced, or null), mediaUrl (or
                null), applause (how many members applauded it), createdAt, and comments, oldest first:
                id, author (username, displayName), body, createdAt. Comments of members you blocked or
                who blocked you are left out, as on the site.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        long[] blocked = blocks.blockedIdArrayOf(memberId);
        try (PersonalData.JsonArray array = out.jsonArray()) {
            long after = 0;
            List<PostRow> chunk;
            do {
                chunk = jdbc.sql("""
                                select p.id, p.kind, p.body, p.item_title, p.media_url, p.created_at,
                                       (select count(*) from post_applause pa where pa.post_id = p.id) as applause
                                from post p where p.author_id = :me and p.id > :after order by p.id limit :n""")
                        .param("me", memberId).param("after", after).param("n", CHUNK)
                        .query((rs, n) -> new PostRow(rs.getLong("id"), rs.getString("kind"), rs.getString("body"),
                                rs.getString("item_title"), rs.getString("media_url"), rs.getLong("applause"),
                                rs.getTimestamp("created_at").toInstant()))
                        .list();
                if (chunk.isEmpty()) {
                    break;
                }
                List<CommentRow> comments = jdbc.sql("""
                                select id, post_id, author_id, body, created_at from comment
                                where post_id = any(:posts) and author_id <> all(cast(:blocked as bigint[]))
                                order by post_id, created_at, id""")
                        .param("posts", chunk.stream().mapToLong(PostRow::id).toArray()).param("blocked", blocked)
                        .query((rs, n) -> new CommentRow(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"),
                                rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                        .list();
                Map<Long, MemberSummary> names = members.findAllById(comments.stream().map(CommentRow::authorId).toList());
                Map<Long, List<CommentData>> byPost = new HashMap<>();
                for (CommentRow c : comments) {
                    MemberSummary author = names.get(c.authorId());
                    if (author != null) {
                        byPost.computeIfAbsent(c.postId(), id -> new ArrayList<>()).add(new CommentData(c.id(),
                                new Author(author.username(), author.displayName()), c.body(), c.createdAt()));
                    }
                }
                for (PostRow p : chunk) {
                    array.add(new PostData(p.id(), p.kind(), p.body(), p.title(), p.mediaUrl(), p.applause(), p.createdAt(),
                            byPost.getOrDefault(p.id(), List.of())));
                    after = p.id();
                }
            } while (chunk.size() == CHUNK);
        }
    }
}
