package com.moviepeople.messaging;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Live updates through PostgreSQL LISTEN/NOTIFY and server-sent events, on the real database:
 * who hears of what, that only committed messages are announced, and what a stream costs.
 * (Two instances: TwoInstancesIntegrationTests; a database restart: DatabaseOutageIntegrationTests.)
 */
class LiveUpdatesIntegrationTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    Messaging messaging;

    @Autowired
    LiveStreams streams;

    @Autowired
    LiveListener listener;

    @Autowired
    TransactionTemplate transactions;

    private final List<MvcResult> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        // As a browser closing the page: the container completes the request and the registry forgets it.
        for (MvcResult stream : opened) {
            if (stream.getRequest().isAsyncStarted()) {
                stream.getRequest().getAsyncContext().complete();
            }
        }
        opened.clear();
    }

    private MvcResult openStream(CurrentMember me) throws Exception {
        awaitListening();
        MvcResult stream = mvc.perform(get("/messages/stream").with(user(me)).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();
        opened.add(stream);
        return stream;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!listener.isListening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listener.isListening()).as("the listener is connected").isTrue();
    }

    private static String content(MvcResult stream) throws Exception {
        return stream.getResponse().getContentAsString();
    }

    /** Waits until the stream has received {@code expected}, then returns everything it received. */
    private static String awaitEvent(MvcResult stream, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!content(stream).contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(content(stream)).contains(expected);
        return content(stream);
    }

    private static String messageEvent(CurrentMember with, boolean incoming) {
        return "event:message\ndata:{\"with\":" + with.id() + ",\"incoming\":" + incoming + "}\n\n";
    }

    @Test
    void anonymousVisitorsGet401FromTheStreamAndTheLoginPageFromTheBadge() throws Exception {
        mvc.perform(get("/messages/stream").accept(MediaType.TEXT_EVENT_STREAM)).andExpect(status().isUnauthorized());
        mvc.perform(get("/messages/stream")).andExpect(status().isUnauthorized());
        mvc.perform(get("/messages/unread")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aMessageReachesTheStreamsOfItsTwoMembersAndNobodyElse() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        CurrentMember carol = newMember("carol");
        connect(anna, ben);
        connect(carol, ben);
        MvcResult annas = openStream(anna);
        MvcResult bens = openStream(ben);
        MvcResult carols = openStream(carol);
        assertThat(annas.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(annas.getResponse().getHeader("X-Accel-Buffering")).isEqualTo("no");
        assertThat(annas.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");

        messaging.send(ben.id(), anna.id(), "Secret plans for the shoot");

        assertThat(awaitEvent(annas, messageEvent(ben, true))).doesNotContain("Secret plans");
        // The sender's own pages (other tabs) hear of it too.
        awaitEvent(bens, messageEvent(anna, false));
        Thread.sleep(300);
        assertThat(content(carols)).doesNotContain("event:message", "event:read", "Secret plans");
        assertThat(content(annas)).containsOnlyOnce("event:message");
    }

    @Autowired
    com.moviepeople.feed.Feed feed;

    @Test
    void aNewNotificationLightsTheBellOnTheRecipientsPagesOnly() throws Exception {
        java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now());
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Rough cut is ready");
        // Let the notifications of connecting arrive first: the streams below open after them.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.queryForObject("select count(*) from event_publication where publication_date >= ?", Long.class, started) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        MvcResult mayas = openStream(maya);
        MvcResult bens = openStream(ben);

        feed.comment(ben.id(), post, "Watching it tonight");

        // Only the event, no text: the page fetches the bell (and only its own).
        assertThat(awaitEvent(mayas, "event:notice\ndata:{}\n\n")).doesNotContain("Watching it tonight");
        Thread.sleep(300);
        assertThat(content(bens)).doesNotContain("event:notice");
        String bell = mvc.perform(get("/notifications/badge").with(user(maya))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // Ben accepting her request to connect, and his comment.
        assertThat(bell.strip()).startsWith("<span id=\"nav-notifications\">").contains("data-unread-notifications=\"2\"");
        mvc.perform(get("/notifications/badge")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aRolledBackMessageIsNeverAnnounced() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        CurrentMember carol = newMember("carol");
        connect(anna, ben);
        connect(anna, carol);
        MvcResult annas = openStream(anna);

        transactions.executeWithoutResult(tx -> {
            messaging.send(ben.id(), anna.id(), "Never mind");
            tx.setRollbackOnly();
        });
        messaging.send(carol.id(), anna.id(), "Committed");

        // Notifications arrive in commit order: had the rolled-back one been sent, it would be here first.
        String received = awaitEvent(annas, messageEvent(carol, true));
        assertThat(received).doesNotContain("\"with\":" + ben.id());
        assertThat(received).containsOnlyOnce("event:message");
    }

    @Test
    void readingAConversationTellsTheReadersOtherPagesButNotTheSender() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        messaging.send(ben.id(), anna.id(), "Are you free in March?");
        MvcResult annas = openStream(anna);
        MvcResult bens = openStream(ben);

        mvc.perform(get("/messages/" + ben.username()).with(user(anna))).andExpect(status().isOk());

        awaitEvent(annas, "event:read\ndata:{\"with\":" + ben.id() + "}\n\n");
        Thread.sleep(300);
        assertThat(content(bens)).doesNotContain("event:read");
    }

    @Test
    void theUnreadBadgeComesAloneAndCounted() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        messaging.send(ben.id(), anna.id(), "One");
        messaging.send(ben.id(), anna.id(), "Two");

        String badge = mvc.perform(get("/messages/unread").with(user(anna))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(badge.strip()).startsWith("<span id=\"nav-unread\">").contains("data-unread-messages=\"2\"")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void aStreamStartsWithTheUnreadCountItsOnlyQuery() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        messaging.send(ben.id(), anna.id(), "Hello");
        awaitListening();
        queries.reset();
        MvcResult stream = mvc.perform(get("/messages/stream").with(user(anna))).andExpect(request().asyncStarted()).andReturn();
        opened.add(stream);
        // Not the navigation's counts: a stream shows no page.
        assertThat(queries.count()).isEqualTo(1);
        assertThat(content(stream)).contains("event:unread\ndata:{\"count\":1}\n\n");
    }

    @Test
    void aMemberKeepsAtMostEightStreamsTheOldestEndsFirst() throws Exception {
        CurrentMember anna = newMember("anna");
        int before = streams.openCount();
        for (int i = 0; i < LiveStreams.MAX_PER_MEMBER + 2; i++) {
            openStream(anna);
        }
        assertThat(streams.openCount() - before).isEqualTo(LiveStreams.MAX_PER_MEMBER);
        closeStreams();
        assertThat(streams.openCount()).isEqualTo(before);
    }

    @Test
    void loggingOutEverywhereEndsTheMembersStreamsOnEveryInstanceAndNoOneElses() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        MvcResult annas = openStream(anna);
        MvcResult bens = openStream(ben);

        mvc.perform(post("/settings/logout-everywhere").with(user(anna)).with(csrf())).andExpect(status().is3xxRedirection());

        // The stream is completed (the container ends the response); the page reconnects if still logged in.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (annas.getRequest().getAsyncContext() != null && !isDispatched(annas) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(isDispatched(annas)).as("anna's stream ended").isTrue();
        assertThat(isDispatched(bens)).as("ben's stream open").isFalse();
    }

    @Test
    void deletingTheAccountEndsTheMembersStreams() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        MvcResult annas = openStream(anna);
        MvcResult bens = openStream(ben);

        mvc.perform(post("/settings/delete-account").with(user(anna)).with(csrf()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (annas.getRequest().getAsyncContext() != null && !isDispatched(annas) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(isDispatched(annas)).as("anna's stream ended").isTrue();
        assertThat(isDispatched(bens)).as("ben's stream open").isFalse();
    }

    private static boolean isDispatched(MvcResult stream) {
        return ((org.springframework.mock.web.MockAsyncContext) stream.getRequest().getAsyncContext()).getDispatchedPath() != null;
    }

    @Test
    void notificationPayloadsRoundTripAndUnknownOnesAreIgnored() {
        LiveChange sent = LiveChange.messageSent(12, 34);
        assertThat(LiveChange.parse(sent.payload())).contains(sent);
        assertThat(LiveChange.parse(LiveChange.messagesRead(5, 6).payload())).contains(LiveChange.messagesRead(5, 6));
        assertThat(LiveChange.parse(LiveChange.sessionsEnded(7).payload())).contains(LiveChange.sessionsEnded(7));
        assertThat(LiveChange.parse("typing:1:2")).isEmpty();
        assertThat(LiveChange.parse("message:1")).isEmpty();
        assertThat(LiveChange.parse("message:x:2")).isEmpty();
        assertThat(LiveChange.parse(null)).isEmpty();
    }
}
