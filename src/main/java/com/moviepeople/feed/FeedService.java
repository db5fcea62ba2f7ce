package com.moviepeople.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;

import com.moviepeople.blocking.Blocks;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.PostView.PortfolioItemRef;
import com.moviepeople.portfolio.Media;
import com.moviepeople.portfolio.MediaKind;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.Times;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.ReportableContent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts, comments and the feed, in plain SQL. Every read and write checks here who may see or
 * change what: a post is visible to its author and the author's current connections; anyone else
 * gets {@link NotFoundException} (404), exactly as for a missing post, and nothing changes.
 * <p>
 * Pages run a constant number of statements whatever their size: the viewer's blocks (one), the size
 * of their network (one, counted up to {@link #LARGE_NETWORK}), the posts (one: the network is the
 * feed's own {@code feed_network} table, joined in the database), their latest comments (one) and
 * the member cards (one).
 */
@Service
class FeedService implements Feed {

    static final int POSTS_PER_PAGE = 20;
    /** Comments shown under each post in the feed. */
    static final int LATEST_COMMENTS = 3;
    static final int COMMENTS_PER_PAGE = 50;

    private static final String POST_COLUMNS = """
            id, author_id, kind, body, portfolio_item_id, item_title, media_kind, media_url, media_embed_url,
            media_thumbnail_url, media_host, created_at, credit_id, production_id, confirmer_id""";

    /**
     * The viewer and their network ({@code feed_network}, the feed's own copy of the connections),
     * less anyone blocked either way (a block also removes the connection; this is a second line).
     */
    private static final String AUTHORS = """
            select cast(:me as bigint) as id
            union all
            select n.author_id from feed_network n
            where n.member_id = :me and n.author_id <> all(cast(:blocked as bigint[]))""";

    /**
     * For each author of the network, their newest posts before the cursor straight from the index
     * (author_id, created_at desc, id desc), reading only the index (an index-only scan once vacuumed);
     * the merge keeps the newest {@code n}, and only those are read from the table. Its cost depends on
     * the number of authors and the page size, not on how many posts exist (see ARCHITECTURE.md).
     */
    /**
     * Applause on the post: the count from the primary key's index (leaving out members blocked
     * either way, like the comments), and whether the viewer's is among them.
     */
    static final String POST_APPLAUSE = """
            (select count(*) from post_applause pa where pa.post_id = post.id and pa.member_id <> all(cast(:blocked as bigint[]))) as applause_count,
            exists (select 1 from post_applause pa where pa.post_id = post.id and pa.member_id = :me) as applauded""";

    static final String FEED = """
            select %s, (select count(*) from comment c where c.post_id = post.id) as comment_count,
            %s
            from (
                select f.id, f.created_at from (%s) as a
                cross join lateral (
                    select p.id, p.created_at
                    from post p
                    where p.author_id = a.id and (p.created_at, p.id) < (:at, :id)
                    order by p.created_at desc, p.id desc
                    limit :n
                ) f
                order by f.created_at desc, f.id desc
                limit :n
            ) newest
            join post on post.id = newest.id
            order by post.created_at desc, post.id desc""".formatted(POST_COLUMNS.replaceAll("(\\w+)(,|$)", "post.$1$2"), POST_APPLAUSE, AUTHORS);

    /**
     * Above this many authors the per-author probes cost more than walking the newest posts of
     * everyone (index post_created_idx) and keeping the network's: with N authors among M members,
     * a page needs about 21·M/N posts read, each checked with one primary-key probe of
     * {@code feed_network}, which is small exactly when N is large. (The break-even is near
     * N = √(21·M): ~1,450 at 100,000 members, ~4,600 at a million; 1,000 keeps both shapes within a
     * few milliseconds up to a million members.)
     */
    static final int LARGE_NETWORK = 1000;

    /**
     * The same page for large networks: newest posts first, each kept when its author is in the
     * network. {@code offset 0} keeps the test a probe per post: without it PostgreSQL may hash the
     * viewer's whole network first (reading ~20,000 rows for the most-connected member), which is
     * what made this page grow with the network (docs/benchmarks.md).
     */
    static final String FEED_LARGE_NETWORK = """
            select %s, (select count(*) from comment c where c.post_id = post.id) as comment_count,
            %s
            from post
            where (post.created_at, post.id) < (:at, :id)
              and (post.author_id = :me
                   or exists (select 1 from feed_network n where n.member_id = :me and n.author_id = post.author_id offset 0))
              and post.author_id <> all(cast(:blocked as bigint[]))
            order by post.created_at desc, post.id desc
            limit :n""".formatted(POST_COLUMNS.replaceAll("(\\w+)(,|$)", "post.$1$2"), POST_APPLAUSE);

    /** The size of the viewer's network, counted up to one past {@link #LARGE_NETWORK} (an index-only scan). */
    private static final String NETWORK_SIZE = """
            select count(*) from (select 1 from feed_network where member_id = :me limit :cap) n""";

    /** The comment count both feed statements use: from the index alone. */
    private static final String COMMENT_COUNT = "(select count(*) from comment c where c.post_id = post.id)";

    /**
     * For a viewer who blocked someone or was blocked, the comment counts leave out the comments of
     * {@code :blocked} (reading the comments' rows instead of the index alone). The posts of blocked
     * members are already left out of {@code :authors}.
     */
    private static String hidingBlocked(String feed) {
        return feed.replace(COMMENT_COUNT,
                "(select count(*) from comment c where c.post_id = post.id and c.author_id <> all(cast(:blocked as bigint[])))");
    }

    static final String FEED_HIDING_BLOCKED = hidingBlocked(FEED);
    static final String FEED_LARGE_NETWORK_HIDING_BLOCKED = hidingBlocked(FEED_LARGE_NETWORK);

    /** Applause on comment {@code c}, as {@link #POST_APPLAUSE}. */
    private static final String COMMENT_APPLAUSE = """
            (select count(*) from comment_applause ca where ca.comment_id = c.id and ca.member_id <> all(cast(:blocked as bigint[]))) as applause_count,
            exists (select 1 from comment_applause ca where ca.comment_id = c.id and ca.member_id = :me) as applauded""";

    private static final String LATEST_COMMENTS_OF = """
            select c.id, c.post_id, c.author_id, c.body, c.created_at,
            """ + COMMENT_APPLAUSE + """

            from unnest(cast(:posts as bigint[])) as p(id)
            cross join lateral (
                select id, post_id, author_id, body, created_at from comment
                where comment.post_id = p.id and comment.author_id <> all(cast(:blocked as bigint[]))
                order by created_at desc, id desc
                limit :n
            ) c""";

    record PostRow(long id, long authorId, String body, PortfolioItemRef item, Instant createdAt, long commentCount,
                   CreditRow credit, Applause applause) {
    }

    /** A credit or confirmation post's facts; {@code confirmerId} is null for a new credit. */
    record CreditRow(long creditId, long productionId, String headline, Long confirmerId) {
    }

    record CommentRow(long id, long postId, long authorId, String body, Instant createdAt, Applause applause) {
    }

    private static final RowMapper<PostRow> POST = FeedService::postRow;

    private static final RowMapper<CommentRow> COMMENT = (rs, n) -> new CommentRow(rs.getLong("id"),
            rs.getLong("post_id"), rs.getLong("author_id"), rs.getString("body"), instant(rs, "created_at"), Applause.NONE);

    /** A comment with its applause ({@link #COMMENT_APPLAUSE} in the select list). */
    private static final RowMapper<CommentRow> COMMENT_WITH_APPLAUSE = (rs, n) -> new CommentRow(rs.getLong("id"),
            rs.getLong("post_id"), rs.getLong("author_id"), rs.getString("body"), instant(rs, "created_at"),
            new Applause(rs.getLong("applause_count"), rs.getBoolean("applauded")));

    private final JdbcClient jdbc;
    private final Connections connections;
    private final Blocks blocks;
    private final MemberCards cards;
    private final Clock clock;
    private final Times times;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final com.moviepeople.shared.CustomPlans customPlans;

    FeedService(JdbcClient jdbc, Connections connections, Blocks blocks, MemberCards cards, Clock clock,
                org.springframework.context.ApplicationEventPublisher events, Times times,
                com.moviepeople.shared.CustomPlans customPlans) {
        this.customPlans = customPlans;
        this.events = events;
        this.times = times;
        this.jdbc = jdbc;
        this.connections = connections;
        this.blocks = blocks;
        this.cards = cards;
        this.clock = clock;
    }

    // --- the feed ----------------------------------------------------------------------------

    /**
     * Whether a member's network is large enough for the other query plan, remembered for a few
     * minutes per member: it only chooses between two plans with the same results, so a network
     * that just crossed the line costs at most a few slower pages, and a page saves a statement.
     */
    private final Cache<Long, Boolean> largeNetwork = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(100_000).build();

    /** Posts by {@code viewerId} and their connections, newest first, strictly before {@code cursor}. */
    @Transactional(readOnly = true)
    FeedPage feed(long viewerId, KeysetCursor cursor) {
        // Blocked either way: neither sees the other's posts or comments. A block also removes the
        // connection, so leaving them out of the authors is a second line; comments come from anyone
        // who sees the post.
        long[] blocked = blocks.blockedIdArrayOf(viewerId);
        boolean large = largeNetwork.get(viewerId, id -> jdbc.sql(NETWORK_SIZE).param("me", id).param("cap", LARGE_NETWORK + 1)
                .query(Long.class).single() > LARGE_NETWORK);
        // One row more than a page tells whether there is a next page.
        Map<String, Object> params = Map.of("me", viewerId, "blocked", blocked, "at", timestamp(cursor.at()),
                "id", cursor.id(), "n", POSTS_PER_PAGE + 1);
        // For a large network, a plan for these parameters, not the driver's generic plan after five
        // runs: the generic plan cannot know the network is thousands of authors and probes them one
        // by one.
        List<PostRow> rows = large
                ? customPlans.query(blocked.length == 0 ? FEED_LARGE_NETWORK : FEED_LARGE_NETWORK_HIDING_BLOCKED, params, POST)
                : jdbc.sql(blocked.length == 0 ? FEED : FEED_HIDING_BLOCKED).params(params).query(POST).list();
        KeysetSlice<PostRow> slice = KeysetSlice.of(rows, POSTS_PER_PAGE);
        List<PostRow> page = slice.rows();

        Map<Long, List<CommentRow>> latest = latestComments(viewerId, page.stream().map(PostRow::id).toList(), blocked);
        Set<Long> memberIds = new LinkedHashSet<>();
        page.forEach(p -> {
            memberIds.add(p.authorId());
            if (p.credit() != null && p.credit().confirmerId() != null) {
                memberIds.add(p.credit().confirmerId());
            }
        });
        latest.values().forEach(list -> list.forEach(c -> memberIds.add(c.authorId())));
        Map<Long, MemberCard> cardsById = memberIds.isEmpty() ? Map.of() : cards.cardsFor(memberIds);

        List<PostView> posts = new ArrayList<>(page.size());
        for (PostRow row : page) {
            List<CommentView> comments = commentViews(latest.getOrDefault(row.id(), List.of()), row, viewerId, cardsById);
            PostView view = postView(row, viewerId, cardsById, comments);
            if (view != null) {
                posts.add(view);
            }
        }
        String next = slice.nextCursor(last -> new KeysetCursor(last.createdAt(), last.id()));
        return new FeedPage(posts, next);
    }

    /** The newest {@link #LATEST_COMMENTS} comments of each post, oldest of them first, in one query. */
    private Map<Long, List<CommentRow>> latestComments(long viewerId, List<Long> postIds, long[] blocked) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<CommentRow>> byPost = new HashMap<>();
        jdbc.sql(LATEST_COMMENTS_OF)
                .param("posts", postIds.stream().mapToLong(Long::longValue).toArray())
                .param("blocked", blocked)
                .param("me", viewerId)
                .param("n", LATEST_COMMENTS)
                .query(COMMENT_WITH_APPLAUSE).list()
                .forEach(c -> byPost.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c));
        byPost.values().forEach(Collections::reverse);
        return byPost;
    }

    // --- one post ----------------------------------------------------------------------------

    /** A post the viewer may see, with the newest page of comments before {@code cursor}. */
    @Transactional(readOnly = true)
    PostPage postPage(long viewerId, long postId, KeysetCursor cursor) {
        long[] blocked = blocks.blockedIdArrayOf(viewerId);
        PostRow post = visiblePost(viewerId, postId, blocked);
        List<CommentRow> rows = jdbc.sql("select c.id, c.post_id, c.author_id, c.body, c.created_at,\n" + COMMENT_APPLAUSE + """

                        from comment c
                        where c.post_id = :post and (c.created_at, c.id) < (:at, :id) and c.author_id <> all(cast(:blocked as bigint[]))
                        order by c.created_at desc, c.id desc
                        limit :n""")
                .param("post", postId)
                .param("me", viewerId)
                .param("blocked", blocked)
                .param("at", timestamp(cursor.at()))
                .param("id", cursor.id())
                .param("n", COMMENTS_PER_PAGE + 1)
                .query(COMMENT_WITH_APPLAUSE).list();
        KeysetSlice<CommentRow> slice = KeysetSlice.of(rows, COMMENTS_PER_PAGE);
        List<CommentRow> page = new ArrayList<>(slice.rows());
        String earlier = slice.nextCursor(last -> new KeysetCursor(last.createdAt(), last.id()));
        Collections.reverse(page);

        Set<Long> memberIds = new LinkedHashSet<>();
        memberIds.add(post.authorId());
        if (post.credit() != null && post.credit().confirmerId() != null) {
            memberIds.add(post.credit().confirmerId());
        }
        page.forEach(c -> memberIds.add(c.authorId()));
        Map<Long, MemberCard> cardsById = cards.cardsFor(memberIds);
        PostView view = postView(post, viewerId, cardsById, List.of());
        if (view == null) {
            throw new NotFoundException(); // the author was deleted a moment ago
        }
        return new PostPage(view, commentViews(page, post, viewerId, cardsById), earlier);
    }

    /**
     * The post, when {@code viewerId} wrote it or is connected to its author and neither blocked the
     * other; otherwise 404. Its comment count leaves out the comments of {@code blocked} members.
     */
    private PostRow visiblePost(long viewerId, long postId, long[] blocked) {
        PostRow post = jdbc.sql("select " + POST_COLUMNS
                        + ", (select count(*) from comment c where c.post_id = post.id"
                        + " and c.author_id <> all(cast(:blocked as bigint[]))) as comment_count,\n" + POST_APPLAUSE
                        + "\nfrom post where id = :id")
                .param("id", postId)
                .param("blocked", blocked)
                .param("me", viewerId)
                .query(POST).optional()
                .orElseThrow(NotFoundException::new);
        if (post.authorId() != viewerId && (!connections.areConnected(viewerId, post.authorId())
                || blocks.isBlockedEitherWay(viewerId, post.authorId()))) {
            throw new NotFoundException();
        }
        return post;
    }

    private PostRow visiblePost(long viewerId, long postId) {
        return visiblePost(viewerId, postId, new long[0]);
    }

    /** The author of post {@code postId} when {@code viewerId} may see it (the post page's rule); otherwise 404. */
    long visiblePostAuthor(long viewerId, long postId) {
        return visiblePost(viewerId, postId).authorId();
    }

    /**
     * Comment {@code commentId} when {@code viewerId} may see it: they may see its post, and neither
     * blocked its author; otherwise 404.
     */
    CommentRow visibleComment(long viewerId, long commentId) {
        CommentRow comment = jdbc.sql("select id, post_id, author_id, body, created_at from comment where id = :id")
                .param("id", commentId).query(COMMENT).optional().orElseThrow(NotFoundException::new);
        if (blocks.isBlockedEitherWay(viewerId, comment.authorId())) {
            throw new NotFoundException();
        }
        visiblePost(viewerId, comment.postId());
        return comment;
    }

    // --- writing -----------------------------------------------------------------------------

    @Override
    @Transactional
    public long publish(long authorId, String content) {
        return publish(authorId, content, now());
    }

    @Override
    @Transactional
    public long publish(long authorId, String content, Instant at) {
        String body = checked(content);
        return jdbc.sql("insert into post (author_id, kind, body, created_at) values (:author, 'TEXT', :body, :at) returning id")
                .param("author", authorId)
                .param("body", body)
                .param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS)))
                .query(Long.class).single();
    }

    @Override
    @Transactional
    public long comment(long authorId, long postId, String content) {
        return comment(authorId, postId, content, now());
    }

    @Override
    @Transactional
    public long comment(long authorId, long postId, String content, Instant at) {
        String body = checked(content);
        PostRow post = visiblePost(authorId, postId);
        // A post deleted since the check leaves nothing to comment on: 404, nothing written.
        long commentId = jdbc.sql("""
                        insert into comment (post_id, author_id, body, created_at)
                        select id, :author, :body, :at from post where id = :post
                        returning id""")
                .param("post", postId)
                .param("author", authorId)
                .param("body", body)
                .param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS)))
                .query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
        // Who else is in the conversation (for "also commented" notifications), at most a few hundred.
        List<Long> earlier = jdbc.sql("""
                        select distinct author_id from comment
                        where post_id = :post and author_id <> :author and author_id <> :postAuthor and id <> :comment
                        limit 500""")
                .param("post", postId).param("author", authorId).param("postAuthor", post.authorId()).param("comment", commentId)
                .query(Long.class).list();
        events.publishEvent(new CommentAdded(commentId, postId, post.authorId(), authorId, earlier));
        return commentId;
    }

    /** The author deletes their post (its comments go with it); anyone else: 404. */
    @Transactional
    void deletePost(long memberId, long postId) {
        int deleted = jdbc.sql("delete from post where id = :id and author_id = :member")
                .param("id", postId).param("member", memberId).update();
        if (deleted == 0) {
            throw new NotFoundException();
        }
    }

    /**
     * The comment's author or the post's author deletes a comment; anyone else: 404. A comment's
     * author may delete it even after losing sight of the post (their words stay theirs).
     * Returns the post's id.
     */
    @Transactional
    long deleteComment(long memberId, long commentId) {
        return jdbc.sql("""
                        delete from comment c using post p
                        where c.id = :id and p.id = c.post_id and (c.author_id = :member or p.author_id = :member)
                        returning c.post_id""")
                .param("id", commentId).param("member", memberId)
                .query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
    }

    // --- reports ------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportableContent> reportablePost(long viewerId, long postId) {
        try {
            PostRow post = visiblePost(viewerId, postId);
            String text = post.body() != null ? post.body() : post.item() != null ? post.item().title()
                    : post.credit() != null ? post.credit().headline() : "";
            return Optional.of(new ReportableContent(post.authorId(), text, "/posts/" + post.id()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportableContent> reportableComment(long viewerId, long commentId) {
        Optional<CommentRow> comment = jdbc.sql("select id, post_id, author_id, body, created_at from comment where id = :id")
                .param("id", commentId).query(COMMENT).optional();
        if (comment.isEmpty() || blocks.isBlockedEitherWay(viewerId, comment.get().authorId())
                || reportablePost(viewerId, comment.get().postId()).isEmpty()) {
            return Optional.empty();
        }
        CommentRow c = comment.get();
        return Optional.of(new ReportableContent(c.authorId(), c.body(), "/posts/" + c.postId() + "#comment-" + c.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasTextPosts() {
        return jdbc.sql("select exists(select 1 from post where kind = 'TEXT')").query(Boolean.class).single();
    }

    // --- portfolio posts (the listener) --------------------------------------------------------

    /** Announces a new portfolio item once: a second call for the same item changes nothing. */
    @Transactional
    void addPortfolioPost(PortfolioItemView item, Instant at) {
        Media media = item.media();
        jdbc.sql("""
                        insert into post (author_id, kind, portfolio_item_id, item_title, media_kind, media_url,
                                          media_embed_url, media_thumbnail_url, media_host, created_at)
                        values (:author, 'PORTFOLIO', :item, :title, :kind, :url, :embed, :thumb, :host, :at)
                        on conflict (portfolio_item_id) where portfolio_item_id is not null do nothing""")
                .param("author", item.ownerId())
                .param("item", item.id())
                .param("title", item.title())
                .param("kind", media == null ? null : media.kind().name())
                .param("url", media == null ? null : media.url())
                .param("embed", media == null ? null : media.embedUrl())
                .param("thumb", media == null ? null : media.thumbnailUrl())
                .param("host", media == null ? null : media.host())
                .param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    /** Follows a changed item's title and media; the post keeps its place in the feed. */
    @Transactional
    void updatePortfolioPost(PortfolioItemView item) {
        Media media = item.media();
        jdbc.sql("""
                        update post set item_title = :title, media_kind = :kind, media_url = :url,
                                        media_embed_url = :embed, media_thumbnail_url = :thumb, media_host = :host
                        where portfolio_item_id = :item""")
                .param("item", item.id())
                .param("title", item.title())
                .param("kind", media == null ? null : media.kind().name())
                .param("url", media == null ? null : media.url())
                .param("embed", media == null ? null : media.embedUrl())
                .param("thumb", media == null ? null : media.thumbnailUrl())
                .param("host", media == null ? null : media.host())
                .update();
    }

    /** The item is gone: so is its post, with the post's comments. */
    @Transactional
    /**
     * Serializes the automatic post's handlers for one item until the transaction ends: they run in
     * the background, and an "added" handler that read the item just before it was deleted must
     * finish before the "removed" handler looks for its post (else the post would outlive the item).
     */
    void lockPortfolioPost(long itemId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('portfolio-post:' || :item, 0))")
                .param("item", itemId).query((rs, n) -> 1).list();
    }

    void removePortfolioPost(long itemId) {
        jdbc.sql("delete from post where portfolio_item_id = :item").param("item", itemId).update();
    }

    // --- credit posts (the listener) -----------------------------------------------------------

    /** Announces a new credit once, dated when it was added: "Gaffer · Title (2022)". */
    void addCreditPost(long creditId, long memberId, long productionId, String headline, Instant at) {
        jdbc.sql("""
                        insert into post (author_id, kind, credit_id, production_id, item_title, created_at)
                        values (:author, 'CREDIT', :credit, :production, :headline, :at)
                        on conflict (credit_id) where kind = 'CREDIT' do nothing""")
                .param("author", memberId).param("credit", creditId).param("production", productionId)
                .param("headline", headline).param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS))).update();
    }

    /** Announces a colleague's confirmation once, on the credit owner's behalf. */
    void addConfirmationPost(long creditId, long ownerId, long confirmerId, long productionId, String headline, Instant at) {
        jdbc.sql("""
                        insert into post (author_id, kind, credit_id, production_id, confirmer_id, item_title, created_at)
                        values (:author, 'CONFIRMATION', :credit, :production, :confirmer, :headline, :at)
                        on conflict (credit_id, confirmer_id) where kind = 'CONFIRMATION' do nothing""")
                .param("author", ownerId).param("credit", creditId).param("production", productionId)
                .param("confirmer", confirmerId).param("headline", headline)
                .param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS))).update();
    }

    /** A credit's posts go with it (its announcement and its confirmations). */
    void removeCreditPosts(long creditId) {
        jdbc.sql("delete from post where credit_id = :credit").param("credit", creditId).update();
    }

    void removeConfirmationPost(long creditId, long confirmerId) {
        jdbc.sql("delete from post where credit_id = :credit and confirmer_id = :confirmer and kind = 'CONFIRMATION'")
                .param("credit", creditId).param("confirmer", confirmerId).update();
    }

    /** Serialises the listener's handlers of one credit (a transaction-scoped advisory lock). */
    void lockCreditPost(long creditId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('credit-post:' || :credit, 0))")
                .param("credit", creditId).query().singleRow();
    }

    // --- mapping -------------------------------------------------------------------------------

    private PostView postView(PostRow row, long viewerId, Map<Long, MemberCard> cardsById,
                                     List<CommentView> latest) {
        MemberCard author = cardsById.get(row.authorId());
        if (author == null) {
            return null; // deleted since the first query: their posts go with them
        }
        PostView.CreditRef credit = null;
        if (row.credit() != null) {
            MemberCard confirmer = row.credit().confirmerId() == null ? null : cardsById.get(row.credit().confirmerId());
            if (row.credit().confirmerId() != null && confirmer == null) {
                return null; // the confirmer was deleted a moment ago: the post goes with them
            }
            credit = new PostView.CreditRef(row.credit().productionId(), row.credit().headline(), confirmer);
        }
        return new PostView(row.id(), author, row.body(), row.item(), credit, row.createdAt(), row.commentCount(), latest,
                row.authorId() == viewerId, row.applause(), times.moment(row.createdAt()));
    }

    private List<CommentView> commentViews(List<CommentRow> rows, PostRow post, long viewerId,
                                                  Map<Long, MemberCard> cardsById) {
        List<CommentView> views = new ArrayList<>(rows.size());
        for (CommentRow c : rows) {
            MemberCard author = cardsById.get(c.authorId());
            if (author != null) {
                views.add(new CommentView(c.id(), c.postId(), author, c.body(), c.createdAt(),
                        c.authorId() == viewerId || post.authorId() == viewerId, c.applause(), times.moment(c.createdAt())));
            }
        }
        return views;
    }

    private static PostRow postRow(ResultSet rs, int n) throws SQLException {
        PortfolioItemRef item = null;
        long itemId = rs.getLong("portfolio_item_id");
        if (!rs.wasNull()) {
            String kind = rs.getString("media_kind");
            Media media = kind == null ? null : new Media(MediaKind.valueOf(kind), rs.getString("media_url"),
                    rs.getString("media_embed_url"), rs.getString("media_thumbnail_url"), rs.getString("media_host"));
            item = new PortfolioItemRef(itemId, rs.getString("item_title"), media);
        }
        CreditRow credit = null;
        long creditId = rs.getLong("credit_id");
        if (!rs.wasNull()) {
            credit = new CreditRow(creditId, rs.getLong("production_id"), rs.getString("item_title"),
                    (Long) rs.getObject("confirmer_id"));
        }
        return new PostRow(rs.getLong("id"), rs.getLong("author_id"), rs.getString("body"), item,
                instant(rs, "created_at"), rs.getLong("comment_count"), credit,
                new Applause(rs.getLong("applause_count"), rs.getBoolean("applauded")));
    }

    private static String checked(String content) {
        String body = ContentForm.normalize(content);
        String problem = ContentForm.problemWith(body);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return body;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
