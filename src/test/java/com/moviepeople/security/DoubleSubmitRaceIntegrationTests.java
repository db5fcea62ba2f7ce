package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Double submits: the same form sent twice at the same moment (two threads released together),
 * a few rounds each. Never a 500, and the database ends as after one submit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoubleSubmitRaceIntegrationTests extends AttackTest {

    static final int ROUNDS = 5;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    void stopThePool() {
        pool.shutdownNow();
    }

    /** Runs both requests at once; returns their statuses. */
    private List<Integer> together(MockHttpServletRequestBuilder first, MockHttpServletRequestBuilder second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Integer>> both = new ArrayList<>();
        for (MockHttpServletRequestBuilder request : List.of(first, second)) {
            both.add(() -> {
                start.await();
                return mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        assertThat(statuses).allSatisfy(s -> assertThat(s).isLessThan(500));
        return statuses;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void acceptingTwiceConnectsOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            CurrentMember ben = newMember("ben");
            long id = connections.request(anna.id(), ben.id()).state().connectionId();
            together(post("/connections/" + id + "/accept").with(user(ben)), post("/connections/" + id + "/accept").with(user(ben)));
            assertThat(count("select count(*) from connection where id = ? and status = 'ACCEPTED'", id)).isOne();
        }
    }

    @Test
    void requestingEachOtherAtOnceConnectsOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            CurrentMember ben = newMember("ben");
            together(post("/connections/request/" + ben.username()).with(user(anna)),
                    post("/connections/request/" + anna.username()).with(user(ben)));
            assertThat(count("select count(*) from connection where least(requester_id, receiver_id) = least(?, ?)"
                    + " and greatest(requester_id, receiver_id) = greatest(?, ?)", anna.id(), ben.id(), anna.id(), ben.id())).isOne();
        }
    }

    @Test
    void acceptingWhileTheRequesterCancelsEndsInOneOfTheTwo() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            CurrentMember ben = newMember("ben");
            long id = connections.request(anna.id(), ben.id()).state().connectionId();
            together(post("/connections/" + id + "/accept").with(user(ben)), post("/connections/" + id + "/cancel").with(user(anna)));
            long accepted = count("select count(*) from connection where id = ? and status = 'ACCEPTED'", id);
            long any = count("select count(*) from connection where id = ?", id);
            assertThat(any).isEqualTo(accepted); // either connected, or the request is gone: never pending
        }
    }

    @Test
    void deletingAPostTwiceDeletesItOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            long postId = feed.publish(anna.id(), "Delete me twice");
            List<Integer> statuses = together(post("/posts/" + postId + "/delete").with(user(anna)),
                    post("/posts/" + postId + "/delete").with(user(anna)));
            assertThat(statuses).contains(302);
            assertThat(count("select count(*) from post where id = ?", postId)).isZero();
        }
    }

    @Test
    void deletingACommentTwiceDeletesItOnce() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            long postId = feed.publish(anna.id(), "A post");
            long commentId = feed.comment(anna.id(), postId, "Delete me twice");
            together(post("/comments/" + commentId + "/delete").with(user(anna)), post("/comments/" + commentId + "/delete").with(user(anna)));
            assertThat(count("select count(*) from comment where id = ?", commentId)).isZero();
            assertThat(count("select count(*) from post where id = ?", postId)).isOne();
        }
    }

    @Test
    void reportingTwiceStoresOneReport() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            World w = world();
            MockHttpServletRequestBuilder report = post("/reports").with(user(w.victim())).param("targetType", "comment")
                    .param("targetId", String.valueOf(w.comment())).param("reason", "Reported twice at once");
            together(report, post("/reports").with(user(w.victim())).param("targetType", "comment")
                    .param("targetId", String.valueOf(w.comment())).param("reason", "Reported twice at once"));
            assertThat(count("select count(*) from report where reporter_id = ?", w.victim().id())).isOne();
        }
    }

    @Test
    void postingTheSameMessageTwiceStoresBothInOrderWithoutAnError() throws Exception {
        World w = world();
        together(post("/messages/" + w.friend().username()).with(user(w.victim())).param("content", "Twice"),
                post("/messages/" + w.friend().username()).with(user(w.victim())).param("content", "Twice"));
        assertThat(count("select count(*) from message where sender_id = ? and body = 'Twice'", w.victim().id())).isEqualTo(2);
        assertThat(count("select count(*) from conversation where last_message_id = (select max(id) from message where sender_id = ?)",
                w.victim().id())).isOne();
    }

    @Test
    void blockingEachOtherAtOnceLeavesTwoBlocksAndNoConnection() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            CurrentMember anna = newMember("anna");
            CurrentMember ben = newMember("ben");
            connections.accept(ben.id(), connections.request(anna.id(), ben.id()).state().connectionId());
            together(post("/people/" + ben.username() + "/block").with(user(anna)), post("/people/" + anna.username() + "/block").with(user(ben)));
            assertThat(count("select count(*) from member_block where blocker_id in (?, ?)", anna.id(), ben.id())).isEqualTo(2);
            assertThat(count("select count(*) from connection where requester_id in (?, ?)", anna.id(), ben.id())).isZero();
        }
    }

    @Test
    void deletingAPortfolioItemTwiceDeletesItAndItsPostOnce() throws Exception {
        World w = world();
        together(post("/portfolio/" + w.item() + "/delete").with(user(w.victim())),
                post("/portfolio/" + w.item() + "/delete").with(user(w.victim())));
        assertThat(count("select count(*) from portfolio_item where id = ?", w.item())).isZero();
        // The automatic post goes in the background, after the delete commits.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count("select count(*) from post where portfolio_item_id = ?", w.item()) == 0);
    }
}
