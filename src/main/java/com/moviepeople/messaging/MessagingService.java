package com.moviepeople.messaging;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.ReportableContent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in plain SQL. Who may do what is decided here, for the pages and the API alike:
 * connected members may read and write; after a removed connection the history stays readable
 * but nothing new can be sent; everyone else gets a 404 and nothing is stored.
 */
@Service
class MessagingService implements Messaging {

    /** The most new messages one poll returns; the next poll continues after them. */
    static final int SINCE_LIMIT = 100;

    /** Enough of the last message for the inbox preview (the template shortens it further). */
    private static final int PREVIEW_CHARS = 300;

    /** The pair's messages; {@code :lo}/{@code :hi} are the smaller and larger id, matching the expression index. */
    private static final String PAIR = """
            least(sender_id, recipient_id) = :lo and greatest(sender_id, recipient_id) = :hi""";

    private final JdbcClient jdbc;
    private final Connections connections;
    private final Blocks blocks;
    private final MemberDirectory members;
    private final MemberCards cards;
    private final LiveNotifier live;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionOperations transactions;

    MessagingService(JdbcClient jdbc, Connections connections, Blocks blocks, MemberDirectory members, MemberCards cards,
                     LiveNotifier live, Clock clock, ApplicationEventPublisher events,
                     org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.events = events;
        this.jdbc = jdbc;
        this.connections = connections;
        this.blocks = blocks;
        this.members = members;
        this.cards = cards;
        this.live = live;
        this.clock = clock;
    }

    // --- API -------------------------------------------------------------------------------

    @Override
    @Transactional
    public long send(long senderId, long recipientId, String content) {
        // A block removes the connection, so mayRead refuses already; the locking check also
        // covers a block made at this very moment.
        if (!mayRead(senderId, recipientId).canSend() || blocks.isBlockedEitherWayLocking(senderId, recipientId)) {
            throw new SendingNotAllowedException();
        }
        String body = normalized(content);
        long lo = Math.min(senderId, recipientId);
        long hi = Math.max(senderId, recipientId);
        // Lock the pair's conversation row first (creating it if needed): concurrent sends in one
        // conversation then take their message ids in commit order, which the polling relies on.
        long conversationId = jdbc.sql("""
                        insert into conversation (member_a, member_b) values (:lo, :hi)
                        on conflict (member_a, member_b) do update set member_a = excluded.member_a
                        returning id""")
                .param("lo", lo).param("hi", hi).query(Long.class).single();
        long messageId = jdbc.sql("""
                        with m as (
                            insert into message (sender_id, recipient_id, body, sent_at)
                            values (:sender, :recipient, :body, :now) returning id)
                        update conversation set last_message_id = (select id from m)
                        where id = :conversation
                        returning last_message_id""")
                .param("sender", senderId).param("recipient", recipientId).param("body", body)
                .param("now", Timestamp.from(clock.instant())).param("conversation", conversationId)
                .query(Long.class).single();
        // Delivered to every instance when this transaction commits; never if it rolls back.
        live.messageSent(senderId, recipientId);
        events.publishEvent(new MessageSent(messageId, senderId, recipientId));
        return messageId;
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(long memberId) {
        return jdbc.sql("select count(*) from message where recipient_id = :m and read_at is null")
                .param("m", memberId).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UnreadMessages> unreadSince(long memberId, Instant since) {
        return jdbc.sql("""
                        select sender_id, count(*) as n, max(sent_at) as latest from message
                        where recipient_id = :m and read_at is null and sent_at > :since
                        group by sender_id order by latest desc""")
                .param("m", memberId).param("since", Timestamp.from(since))
                .query((rs, i) -> new UnreadMessages(rs.getLong("sender_id"), rs.getLong("n"),
                        rs.getTimestamp("latest").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<Long> recipientsOfUnreadSince(Instant since) {
        return new java.util.HashSet<>(jdbc.sql("select distinct recipient_id from message where read_at is null and sent_at > :since")
                .param("since", Timestamp.from(since)).query(Long.class).list());
    }

    @Override
    @Transactional
    public int markRead(long readerId, long otherId) {
        int marked = jdbc.sql("""
                        update message set read_at = :now
                        where recipient_id = :reader and sender_id = :other and read_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("reader", readerId).param("other", otherId)
                .update();
        if (marked > 0) {
            // The reader's other pages lower their unread badge.
            live.messagesRead(readerId, otherId);
        }
        return marked;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from message)").query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportableContent> reportableMessage(long viewerId, long messageId) {
        return jdbc.sql("""
                        select sender_id, recipient_id, body from message
                        where id = :id and recipient_id = :me""")
                .param("id", messageId).param("me", viewerId)
                .query((rs, n) -> {
                    long sender = rs.getLong("sender_id");
                    String path = members.findById(sender).map(m -> "/messages/" + m.username()).orElse("/messages");
                    return new ReportableContent(sender, rs.getString("body"), path + "#message-" + messageId);
                })
                .optional();
    }

    // --- pages -----------------------------------------------------------------------------

    /*
     * The pages below read without a transaction around them: each read is one statement, and a
     * read-write transaction (which these needed for the rare mark-as-read) cost every view a BEGIN
     * and a COMMIT round trip. Marking read, when a page shows unread messages, is a transaction
     * of its own (the UPDATE and its NOTIFY commit together).
     */

    /** The conversation page with {@code username}: up to {@code limit} messages before {@code before}, oldest first. */
    ConversationView conversationWith(long meId, String username, long before, int limit) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        return conversation(meId, other.id(), other, before, limit);
    }

    /**
     * A conversation by its id, for the inbox rows whose other member deleted their account
     * (there is no username to link to). Only its two members may open it.
     */
    ConversationView conversationById(long meId, long conversationId, long before, int limit) {
        long[] pair = jdbc.sql("select member_a, member_b from conversation where id = :id and :me in (member_a, member_b)")
                .param("id", conversationId).param("me", meId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                .orElseThrow(NotFoundException::new);
        long otherId = pair[0] == meId ? pair[1] : pair[0];
        return conversation(meId, otherId, members.findById(otherId).orElse(null), before, limit);
    }

    private ConversationView conversation(long meId, long otherId, MemberSummary other, long before, int limit) {
        Access access = mayRead(meId, otherId);
        // One row more than a page tells whether there are earlier messages.
        List<MessageView> newestFirst = jdbc.sql("""
                        select id, sender_id, body, sent_at, read_at from message
                        where %s and id < :before
                        order by id desc limit :n""".formatted(PAIR))
                .param("lo", Math.min(meId, otherId)).param("hi", Math.max(meId, otherId))
                .param("before", before).param("n", limit + 1)
                .query(messageMapper(meId)).list();
        KeysetSlice<MessageView> slice = KeysetSlice.of(newestFirst, limit);
        Long earlier = slice.next(MessageView::id);
        List<MessageView> page = new ArrayList<>(slice.rows());
        Collections.reverse(page);
        int marked = page.stream().anyMatch(MessageView::unread) ? markReadNow(meId, otherId) : 0;
        return new ConversationView(otherId, other == null ? null : other.username(),
                other == null ? null : other.displayName(), page,
                earlier, access.canSend(), marked);
    }

    /**
     * The live update: messages of the conversation newer than {@code after}, oldest first, at most
     * {@link #SINCE_LIMIT}; marks the other's messages read, since the page shows them now.
     */
    ConversationView since(long meId, String username, long after) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        Access access = mayRead(meId, other.id());
        List<MessageView> newer = jdbc.sql("""
                        select id, sender_id, body, sent_at, read_at from message
                        where %s and id > :after
                        order by id limit :n""".formatted(PAIR))
                .param("lo", Math.min(meId, other.id())).param("hi", Math.max(meId, other.id()))
                .param("after", after).param("n", SINCE_LIMIT)
                .query(messageMapper(meId)).list();
        int marked = newer.stream().anyMatch(MessageView::unread) ? markReadNow(meId, other.id()) : 0;
        return new ConversationView(other.id(), other.username(), other.displayName(), newer, null, access.canSend(), marked);
    }

    /** One message of a conversation the viewer may read (the answer to an htmx send). */
    @Transactional(readOnly = true)
    MessageView message(long meId, long messageId) {
        return jdbc.sql("""
                        select id, sender_id, body, sent_at, read_at from message
                        where id = :id and (sender_id = :me or recipient_id = :me)""")
                .param("id", messageId).param("me", meId).query(messageMapper(meId)).optional()
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The member's conversations, most recent first, whose last message is older than
     * {@code beforeMessageId}: one statement for the page (last message and unread count
     * included) and one call for the member cards, whatever the number of conversations.
     */
    @Transactional(readOnly = true)
    InboxPage inbox(long meId, long beforeMessageId, int limit) {
        // One ordered, limited index scan per side of the pair, merged and cut to the page.
        List<InboxRow> rows = jdbc.sql("""
                        select p.id, p.other_id, p.last_message_id, m.sender_id, left(m.body, :preview) as preview, m.sent_at,
                               (select count(*) from message u
                                where u.recipient_id = :me and u.sender_id = p.other_id and u.read_at is null) as unread
                        from (
                            (select id, member_b as other_id, last_message_id from conversation
                             where member_a = :me and last_message_id < :before
                             order by last_message_id desc limit :n)
                            union all
                            (select id, member_a, last_message_id from conversation
                             where member_b = :me and last_message_id < :before
                             order by last_message_id desc limit :n)
                            order by last_message_id desc limit :n
                        ) p
                        join message m on m.id = p.last_message_id
                        order by p.last_message_id desc""")
                .param("me", meId).param("before", beforeMessageId).param("n", limit + 1).param("preview", PREVIEW_CHARS)
                .query((rs, n) -> new InboxRow(rs.getLong("id"), rs.getLong("other_id"), null, rs.getLong("last_message_id"),
                        rs.getString("preview"), rs.getLong("sender_id") == meId, rs.getTimestamp("sent_at").toInstant(),
                        rs.getLong("unread")))
                .list();
        KeysetSlice<InboxRow> slice = KeysetSlice.of(rows, limit);
        List<InboxRow> page = slice.rows();
        Map<Long, MemberCard> cardsById = page.isEmpty() ? Map.of() : cards.cardsFor(page.stream().map(InboxRow::otherId).toList());
        List<InboxRow> withCards = page.stream()
                .map(r -> new InboxRow(r.conversationId(), r.otherId(), cardsById.get(r.otherId()), r.lastMessageId(),
                        r.lastBody(), r.lastFromMe(), r.lastSentAt(), r.unread()))
                .toList();
        return new InboxPage(withCards, slice.next(InboxRow::lastMessageId));
    }

    // --- rules -----------------------------------------------------------------------------

    /** Whether the viewer may read, and write, the conversation with {@code otherId}. */
    private record Access(boolean canSend) {
    }

    /**
     * Connected: read and write. Not connected (or blocked either way) but with a history: read
     * only, so that each keeps their own record of what was said (and can report it). Otherwise: 404.
     */
    /** {@link #markRead} in its own read-write transaction, for the pages that read without one. */
    private int markReadNow(long readerId, long otherId) {
        Integer marked = transactions.execute(status -> markRead(readerId, otherId));
        return marked == null ? 0 : marked;
    }

    private Access mayRead(long meId, long otherId) {
        if (meId == otherId) {
            throw new NotFoundException();
        }
        // A block removes the pair's connection in the blocking transaction (MemberBlocked), so
        // connected members are never blocked either way: one statement answers both. Sending
        // checks the block again, locking (send).
        if (connections.areConnected(meId, otherId)) {
            return new Access(true);
        }
        if (conversationId(meId, otherId).isPresent()) {
            return new Access(false);
        }
        throw new NotFoundException();
    }

    private Optional<Long> conversationId(long memberA, long memberB) {
        return jdbc.sql("select id from conversation where member_a = :lo and member_b = :hi")
                .param("lo", Math.min(memberA, memberB)).param("hi", Math.max(memberA, memberB))
                .query(Long.class).optional();
    }

    /**
     * The text as stored: line endings unified, NUL characters (which PostgreSQL text cannot
     * hold) dropped, surrounding whitespace trimmed; 1 to {@link #MAX_LENGTH} code points, the
     * way the database's {@code char_length} check counts them.
     */
    static String normalized(String content) {
        String text = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new InvalidMessageException("Write a message first.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidMessageException("A message can have at most 5,000 characters; this one has "
                    + String.format(java.util.Locale.ENGLISH, "%,d", length) + ".");
        }
        return text;
    }

    private static RowMapper<MessageView> messageMapper(long meId) {
        return (rs, n) -> {
            boolean mine = rs.getLong("sender_id") == meId;
            Instant sentAt = rs.getTimestamp("sent_at").toInstant();
            return new MessageView(rs.getLong("id"), mine, rs.getString("body"), sentAt,
                    !mine && rs.getTimestamp("read_at") == null);
        };
    }
}
