package com.moviepeople.messaging;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Conversations through the web: who may read and write, what is stored, shown and counted. */
class MessagingIntegrationTests extends IntegrationTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("data-message-id=\"(\\d+)\"");
    private static final Pattern INBOX_ROW = Pattern.compile("data-conversation data-unread=\"(\\d+)\"(?: data-member=\"([^\"]+)\")?");

    @Autowired
    Connections connections;

    @Autowired
    Messaging messaging;

    // --- helpers ---------------------------------------------------------------------------

    private void disconnect(CurrentMember a, CurrentMember b) {
        connections.remove(a.id(), connections.stateBetween(a.id(), b.id()).connectionId());
    }

    private ResultActions send(CurrentMember from, CurrentMember to, String content) throws Exception {
        return mvc.perform(post("/messages/" + to.username()).with(user(from)).with(csrf()).param("content", content));
    }

    private ResultActions open(CurrentMember as, String path) throws Exception {
        return mvc.perform(get(path).with(user(as)));
    }

    private String html(CurrentMember as, String path) throws Exception {
        return open(as, path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long messageCount() {
        return jdbc.queryForObject("select count(*) from message", Long.class);
    }

    private long conversationCount() {
        return jdbc.queryForObject("select count(*) from conversation", Long.class);
    }

    private List<String> bodiesBetween(CurrentMember a, CurrentMember b) {
        return jdbc.queryForList("""
                select body from message where (sender_id = ? and recipient_id = ?) or (sender_id = ? and recipient_id = ?)
                order by id""", String.class, a.id(), b.id(), b.id(), a.id());
    }

    private static List<Long> messageIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Inbox rows as "member:unread", in page order. */
    private static List<String> inboxRows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher m = INBOX_ROW.matcher(html);
        while (m.find()) {
            rows.add(m.group(2) + ":" + m.group(1));
        }
        return rows;
    }

    // --- access ----------------------------------------------------------------------------

    @Test
    void anonymousVisitorsAreSentToLoginAndNothingIsStored() throws Exception {
        var anna = newMember("anna");
        long before = messageCount();
        for (String path : List.of("/messages", "/messages/" + anna.username(), "/messages/" + anna.username() + "/since?after=0",
                "/messages/" + anna.username() + "/earlier?before=10", "/messages/c/1")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/messages/" + anna.username()).with(csrf()).param("content", "hello"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void sendingWithoutCsrfTokenIsForbiddenAndStoresNothing() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        mvc.perform(post("/messages/" + ben.username()).with(user(anna)).param("content", "hello"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/messages/" + ben.username()).with(user(anna)).with(csrf().useInvalidToken()).param("content", "hello"))
                .andExpect(status().isForbidden());
        assertThat(bodiesBetween(anna, ben)).isEmpty();
    }

    @Test
    void strangersCanNeitherReadNorWrite() throws Exception {
        var anna = newMember("anna");
        var stranger = newMember("stranger");
        long messages = messageCount();
        long conversations = conversationCount();
        open(stranger, "/messages/" + anna.username()).andExpect(status().isNotFound());
        open(stranger, "/messages/" + anna.username() + "/since?after=0").andExpect(status().isNotFound());
        open(stranger, "/messages/" + anna.username() + "/earlier?before=1000").andExpect(status().isNotFound());
        send(stranger, anna, "hello").andExpect(status().isNotFound());
        mvc.perform(post("/messages/" + anna.username()).with(user(stranger)).with(csrf())
                .header("HX-Request", "true").param("content", "hello")).andExpect(status().isNotFound());
        assertThat(messageCount()).isEqualTo(messages);
        assertThat(conversationCount()).isEqualTo(conversations);
    }

    @Test
    void aPendingRequestIsNotAConnection() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connections.request(anna.id(), ben.id());
        send(anna, ben, "hello?").andExpect(status().isNotFound());
        open(ben, "/messages/" + anna.username()).andExpect(status().isNotFound());
        assertThat(bodiesBetween(anna, ben)).isEmpty();
    }

    @Test
    void unknownUsersAndOneselfAreNotFound() throws Exception {
        var anna = newMember("anna");
        long before = messageCount();
        open(anna, "/messages/nobody-" + anna.username()).andExpect(status().isNotFound());
        open(anna, "/messages/nobody-" + anna.username() + "/since?after=0").andExpect(status().isNotFound());
        mvc.perform(post("/messages/nobody-" + anna.username()).with(user(anna)).with(csrf()).param("content", "hi"))
                .andExpect(status().isNotFound());
        open(anna, "/messages/" + anna.username()).andExpect(status().isNotFound());
        send(anna, anna, "note to self").andExpect(status().isNotFound());
        open(anna, "/messages/c/999999999").andExpect(status().isNotFound());
        open(anna, "/messages/x").andExpect(status().isNotFound());
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void aThirdMemberCannotOpenTheConversationById() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        connect(anna, ben);
        connect(anna, carl);
        messaging.send(anna.id(), ben.id(), "just between us");
        long conversation = jdbc.queryForObject("select id from conversation where member_a = ? and member_b = ?", Long.class,
                Math.min(anna.id(), ben.id()), Math.max(anna.id(), ben.id()));
        open(carl, "/messages/c/" + conversation).andExpect(status().isNotFound());
        open(carl, "/messages/" + ben.username()).andExpect(status().isNotFound());
        // Its members are sent to the usual address.
        open(anna, "/messages/c/" + conversation).andExpect(redirectedUrl("/messages/" + ben.username()));
        assertThat(html(carl, "/messages")).doesNotContain("just between us");
    }

    @Test
    void afterARemovedConnectionTheHistoryStaysReadableButSendingIsRefused() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        messaging.send(anna.id(), ben.id(), "Thanks for the shoot!");
        disconnect(ben, anna);

        for (var reader : List.of(anna, ben)) {
            var other = reader == anna ? ben : anna;
            open(reader, "/messages/" + other.username()).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Thanks for the shoot!")))
                    .andExpect(content().string(containsString("data-send-closed")))
                    .andExpect(content().string(not(containsString("name=\"content\""))));
            send(reader, other, "still there?").andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("no longer connected")));
        }
        assertThat(bodiesBetween(anna, ben)).containsExactly("Thanks for the shoot!");
        // The live fragment turns an open page's form into the note and stops polling.
        open(anna, "/messages/" + ben.username() + "/since?after=0").andExpect(status().isOk())
                .andExpect(content().string(containsString("data-send-closed")))
                .andExpect(content().string(containsString("id=\"message-poll\" data-hx-swap-oob=\"true\"")));
        assertThat(html(anna, "/messages")).contains("Thanks for the shoot!");
    }

    // --- sending and validation ------------------------------------------------------------

    @Test
    void sendingStoresTheTrimmedTextKeepsLineBreaksAndRedirectsBack() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        send(anna, ben, "  \r\nHi Ben,\r\n\r\nare you free in March?\n  ")
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/messages/" + ben.username() + "#send-area"))
                .andExpect(flash().attribute("success", containsString("Message sent")));
        assertThat(bodiesBetween(anna, ben)).containsExactly("Hi Ben,\n\nare you free in March?");
        open(ben, "/messages/" + anna.username())
                .andExpect(content().string(containsString("class=\"text-prewrap\"")))
                .andExpect(content().string(containsString("Hi Ben,\n\nare you free in March?")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \n\t  \r\n ", "\u2003\u00a0"})
    void blankMessagesAreRefusedNextToTheField(String content) throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        send(anna, ben, content).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write a message first.")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(bodiesBetween(anna, ben)).isEmpty();
    }

    @Test
    void tooLongMessagesAreRefusedAndTheTextIsKept() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        String tooLong = "x".repeat(4990) + " the end.!";
        assertThat(tooLong).hasSize(5000);
        String typed = tooLong + "y";
        send(anna, ben, typed).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at most 5,000 characters")))
                .andExpect(content().string(containsString(typed)));
        assertThat(bodiesBetween(anna, ben)).isEmpty();

        send(anna, ben, tooLong).andExpect(status().isFound());
        assertThat(bodiesBetween(anna, ben)).containsExactly(tooLong);
    }

    @Test
    void unicodeIsCountedInCharactersAndStoredIntact() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        String emoji = "🎬".repeat(5000); // 5,000 characters, 10,000 UTF-16 units
        send(anna, ben, emoji).andExpect(status().isFound());
        send(anna, ben, emoji + "🎬").andExpect(status().isBadRequest());
        send(anna, ben, "Zażółć gęślą jaźń — 映画 — фильм\u0000").andExpect(status().isFound());
        assertThat(bodiesBetween(anna, ben)).containsExactly(emoji, "Zażółć gęślą jaźń — 映画 — фильм");
        // Shown as entities where HTML has them (&oacute;), which the browser displays as typed.
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(html(ben, "/messages/" + anna.username())))
                .contains("Zażółć gęślą jaźń — 映画 — фильм");
    }

    @Test
    void markupIsShownAsTextAndLinksAreSafe() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        messaging.send(anna.id(), ben.id(), "<script>alert('x')</script> <b>bold</b> see https://example.com/reel?a=1&b=2");
        String page = html(ben, "/messages/" + anna.username());
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("href=\"https://example.com/reel?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer ugc\"");
        assertThat(html(ben, "/messages")).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void sendingWithHtmxAnswersTheNewMessageAndAnEmptyForm() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        String answer = mvc.perform(post("/messages/" + ben.username()).with(user(anna)).with(csrf())
                        .header("HX-Request", "true").param("content", "Rushes are uploaded"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(messageIds(answer)).hasSize(1);
        assertThat(answer).contains("Rushes are uploaded").contains("id=\"send-area\"").contains("data-hx-swap-oob=\"true\"")
                .contains("name=\"_csrf\"").doesNotContain("<html");
        assertThat(bodiesBetween(anna, ben)).containsExactly("Rushes are uploaded");

        mvc.perform(post("/messages/" + ben.username()).with(user(anna)).with(csrf())
                        .header("HX-Request", "true").param("content", "x".repeat(5001)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#send-area"))
                .andExpect(content().string(containsString("at most 5,000 characters")))
                .andExpect(content().string(containsString("x".repeat(5001))));
        assertThat(bodiesBetween(anna, ben)).hasSize(1);
    }

    // --- reading ---------------------------------------------------------------------------

    @Test
    void theConversationShowsMessagesOldestFirstWithHumanTimes() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        long first = messaging.send(anna.id(), ben.id(), "first");
        long second = messaging.send(ben.id(), anna.id(), "second");
        long third = messaging.send(anna.id(), ben.id(), "third");
        String page = html(anna, "/messages/" + ben.username());
        assertThat(messageIds(page)).containsExactly(first, second, third);
        assertThat(page.indexOf("data-message-body>first<")).isPositive().isLessThan(page.indexOf("data-message-body>second<"));
        assertThat(page).contains("just now").contains("UTC\"").contains("<time datetime=\"")
                .contains("<label class=\"form-label\" for=\"content\"").contains("name=\"_csrf\"")
                .contains("data-hx-trigger=\"every 30s, mp:message\"");
    }

    @Test
    void loadEarlierPagesBackThroughTheWholeConversation() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            sent.add(messaging.send(i % 2 == 0 ? anna.id() : ben.id(), i % 2 == 0 ? ben.id() : anna.id(), "message " + i));
        }
        String latest = html(anna, "/messages/" + ben.username());
        assertThat(messageIds(latest)).isEqualTo(sent.subList(40, 70));
        assertThat(latest).contains("/messages/" + ben.username() + "?before=" + sent.get(40));

        String middle = html(anna, "/messages/" + ben.username() + "?before=" + sent.get(40));
        assertThat(messageIds(middle)).isEqualTo(sent.subList(10, 40));
        assertThat(middle).contains("Back to the latest messages").doesNotContain("name=\"content\"");

        String oldest = html(anna, "/messages/" + ben.username() + "?before=" + sent.get(10));
        assertThat(messageIds(oldest)).isEqualTo(sent.subList(0, 10));
        assertThat(oldest).doesNotContain("data-load-earlier");

        // The htmx version answers only the list items: the older link, then the messages.
        String fragment = html(anna, "/messages/" + ben.username() + "/earlier?before=" + sent.get(40));
        assertThat(messageIds(fragment)).isEqualTo(sent.subList(10, 40));
        assertThat(fragment).doesNotContain("<html").contains("/messages/" + ben.username() + "/earlier?before=" + sent.get(10));

        // A malformed cursor is the first page, not an error.
        assertThat(messageIds(html(anna, "/messages/" + ben.username() + "?before=abc"))).isEqualTo(sent.subList(40, 70));
    }

    @Test
    void unreadCountsShowInTheNavigationAndInboxAndResetOnOpening() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        connect(anna, ben);
        connect(carl, ben);
        messaging.send(anna.id(), ben.id(), "one");
        messaging.send(anna.id(), ben.id(), "two");
        messaging.send(carl.id(), ben.id(), "three");
        messaging.send(ben.id(), anna.id(), "reply");

        assertThat(html(ben, "/connections")).contains("data-unread-messages=\"3\"");
        assertThat(inboxRows(html(ben, "/messages"))).containsExactly(anna.username() + ":2", carl.username() + ":1");
        assertThat(html(anna, "/feed")).contains("data-unread-messages=\"1\"");

        // Ben's reply to Anna came after her two: her messages to him are still unread for him.
        String inbox = html(ben, "/messages");
        assertThat(inbox).contains("You: </span><span>reply");

        String page = html(ben, "/messages/" + anna.username());
        assertThat(page).contains("data-unread-messages=\"1\"").contains("data-new");
        assertThat(inboxRows(html(ben, "/messages"))).containsExactly(anna.username() + ":0", carl.username() + ":1");
        assertThat(html(ben, "/messages/" + anna.username())).doesNotContain("data-new");
        assertThat(messaging.unreadCount(ben.id())).isEqualTo(1);
        assertThat(messaging.unreadCount(anna.id())).isEqualTo(1); // opening is personal: Anna has not read the reply
    }

    @Test
    void inboxRowsCarryTheirUnreadCount() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        messaging.send(anna.id(), ben.id(), "one");
        messaging.send(anna.id(), ben.id(), "two");
        String inbox = html(ben, "/messages");
        assertThat(inboxRows(inbox)).containsExactly(anna.username() + ":2");
        assertThat(inbox).contains("data-unread-messages=\"2\"").contains("Anna Tester").contains(">AT<");
        html(ben, "/messages/" + anna.username());
        assertThat(inboxRows(html(ben, "/messages"))).containsExactly(anna.username() + ":0");
        assertThat(html(ben, "/messages")).contains("data-unread-messages=\"0\"");
    }

    @Test
    void inboxShowsTheMostRecentConversationFirst() throws Exception {
        var me = newMember("me");
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        for (var other : List.of(anna, ben, carl)) {
            connect(me, other);
        }
        messaging.send(me.id(), anna.id(), "to anna");
        messaging.send(ben.id(), me.id(), "from ben");
        messaging.send(me.id(), carl.id(), "to carl");
        assertThat(inboxRows(html(me, "/messages"))).containsExactly(carl.username() + ":0", ben.username() + ":1",
                anna.username() + ":0");
        messaging.send(anna.id(), me.id(), "anna again");
        assertThat(inboxRows(html(me, "/messages"))).containsExactly(anna.username() + ":1", carl.username() + ":0",
                ben.username() + ":1");
        assertThat(html(me, "/messages")).contains("anna again").doesNotContain("to anna");
    }

    @Test
    void inboxPagesThroughEveryConversationOnceWithoutGaps() throws Exception {
        var me = newMember("me");
        List<String> expected = new ArrayList<>();
        List<CurrentMember> others = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            others.add(bulkMember("pen"));
        }
        for (CurrentMember other : others) {
            connect(me, other);
            messaging.send(other.id(), me.id(), "hello from " + other.username());
            expected.add(0, other.username() + ":1");
        }
        List<String> seen = new ArrayList<>();
        String path = "/messages";
        int pages = 0;
        while (path != null) {
            String page = html(me, path);
            List<String> rows = inboxRows(page);
            assertThat(rows).hasSizeLessThanOrEqualTo(MessagesController.INBOX_PAGE_SIZE);
            seen.addAll(rows);
            Matcher more = Pattern.compile("href=\"(/messages\\?after=\\d+)\"").matcher(page);
            path = more.find() ? more.group(1) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
        open(me, "/messages?after=not-a-cursor").andExpect(status().isOk());
    }

    @Test
    void emptyInboxPointsToConnectionsAndSearch() throws Exception {
        var loner = newMember("loner");
        assertThat(html(loner, "/messages")).contains("data-inbox-empty").contains("href=\"/connections\"")
                .contains("href=\"/search\"");
    }

    // --- live updates ----------------------------------------------------------------------

    @Test
    void theLiveFragmentReturnsOnlyNewerMessagesAndMarksThemRead() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        long first = messaging.send(anna.id(), ben.id(), "first");
        String path = "/messages/" + anna.username() + "/since?after=";
        open(ben, path + first).andExpect(status().isNoContent());

        long second = messaging.send(anna.id(), ben.id(), "second");
        long third = messaging.send(ben.id(), anna.id(), "third");
        assertThat(messaging.unreadCount(ben.id())).isEqualTo(2);
        String fragment = html(ben, path + first);
        assertThat(messageIds(fragment)).containsExactly(second, third);
        assertThat(fragment).doesNotContain("<html").doesNotContain(">first<").doesNotContain("send-area");
        assertThat(messaging.unreadCount(ben.id())).isZero();
        assertThat(messaging.unreadCount(anna.id())).isEqualTo(1);

        open(ben, path + third).andExpect(status().isNoContent());
        assertThat(messageIds(html(ben, path + "junk"))).containsExactly(first, second, third);
    }

    // --- queries ---------------------------------------------------------------------------

    @Test
    void inboxRunsTheSameNumberOfStatementsForTwoOrThirtyConversations() throws Exception {
        var few = newMember("few");
        var many = newMember("many");
        for (int i = 0; i < 30; i++) {
            var other = bulkMember("qc");
            if (i < 2) {
                connect(few, other);
                messaging.send(other.id(), few.id(), "hi " + i);
            }
            connect(many, other);
            messaging.send(other.id(), many.id(), "hi " + i);
        }
        long fewQueries = statementsFor(few, "/messages");
        long manyQueries = statementsFor(many, "/messages");
        assertThat(inboxRows(html(many, "/messages"))).hasSize(20);
        assertThat(manyQueries).isEqualTo(fewQueries).isLessThanOrEqualTo(8);
    }

    @Test
    void conversationRunsTheSameNumberOfStatementsForTwoOrThirtyMessages() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var carl = newMember("carl");
        connect(anna, ben);
        connect(anna, carl);
        for (int i = 0; i < 30; i++) {
            if (i < 2) {
                messaging.send(ben.id(), anna.id(), "hi " + i);
            }
            messaging.send(carl.id(), anna.id(), "hi " + i);
        }
        long few = statementsFor(anna, "/messages/" + ben.username());
        long many = statementsFor(anna, "/messages/" + carl.username());
        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(9);
        // Once read, a visit does not write (neither the update nor its live-update notification).
        assertThat(statementsFor(anna, "/messages/" + carl.username())).isEqualTo(many - 2);
    }

    private long statementsFor(CurrentMember as, String path) throws Exception {
        queries.reset();
        open(as, path).andExpect(status().isOk());
        return queries.count();
    }

    // --- deleted members -------------------------------------------------------------------

    @Test
    void whenAMemberDeletesTheirAccountTheOtherKeepsTheConversation() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        messaging.send(anna.id(), ben.id(), "See you on set");
        messaging.send(ben.id(), anna.id(), "Goodbye, I am leaving the industry");
        mvc.perform(post("/settings/delete-account").with(user(ben)).with(csrf()).param("password", PASSWORD))
                .andExpect(status().isFound());

        String inbox = html(anna, "/messages");
        assertThat(inbox).contains("Deleted member").contains("Goodbye, I am leaving the industry")
                .contains("data-unread-messages=\"1\"");
        Matcher link = Pattern.compile("href=\"(/messages/c/\\d+)\"").matcher(inbox);
        assertThat(link.find()).isTrue();
        String page = html(anna, link.group(1));
        assertThat(page).contains("See you on set").contains("Goodbye, I am leaving the industry")
                .contains("data-deleted-member").contains("data-send-closed").doesNotContain("name=\"content\"")
                .contains("data-unread-messages=\"0\"");
        assertThat(messaging.unreadCount(anna.id())).isZero();
    }

    /** A verified member inserted directly (no password hashing): fast enough for dozens per test. */
    private CurrentMember bulkMember(String prefix) {
        String username = uniqueName(prefix);
        jdbc.update("insert into member (username, email, password_hash, display_name, email_verified_at) values (?, ?, 'x', ?, now())",
                username, username + "@example.com", "Bulk " + username);
        return currentMember(username);
    }
}
