package com.moviepeople.connections;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Real threads against the real database: the pair stays one row, and nobody sees an error. */
class ConnectionConcurrencyIntegrationTests extends IntegrationTest {

    private static final int ITERATIONS = 25;

    @org.springframework.beans.factory.annotation.Autowired
    Connections connections;

    private List<Map<String, Object>> rowsBetween(CurrentMember a, CurrentMember b) {
        return jdbc.queryForList("""
                select id, requester_id, receiver_id, status from connection
                where (requester_id = ? and receiver_id = ?) or (requester_id = ? and receiver_id = ?)""",
                a.id(), b.id(), b.id(), a.id());
    }

    /** Runs both posts at the same moment and returns their HTTP statuses. */
    private List<Integer> simultaneously(ExecutorService pool, String firstUrl, CurrentMember first,
                                         String secondUrl, CurrentMember second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Integer> a = pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return mvc.perform(post(firstUrl).with(user(first)).with(csrf())).andReturn().getResponse().getStatus();
        });
        Future<Integer> b = pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return mvc.perform(post(secondUrl).with(user(second)).with(csrf())).andReturn().getResponse().getStatus();
        });
        return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    }

    @Test
    void twoMembersAskingEachOtherAtOnceEndWithOneAcceptedConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                var anna = newMember("anna");
                var ben = newMember("ben");
                List<Integer> statuses = simultaneously(pool, "/connections/request/" + ben.username(), anna,
                        "/connections/request/" + anna.username(), ben);
                assertThat(statuses).as("iteration " + i).containsOnly(302);
                List<Map<String, Object>> rows = rowsBetween(anna, ben);
                assertThat(rows).as("iteration " + i).hasSize(1);
                assertThat(rows.get(0)).containsEntry("status", "ACCEPTED");
                outcomes.add(rows.get(0).get("requester_id").equals(anna.id()) ? "anna first" : "ben first");
            }
            // Not asserted (scheduling decides), but shows that both orders happened in practice.
            System.out.println("Mutual request race outcomes: " + outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDoubleClickOnConnectStoresOneRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                var anna = newMember("anna");
                var ben = newMember("ben");
                String url = "/connections/request/" + ben.username();
                assertThat(simultaneously(pool, url, anna, url, anna)).as("iteration " + i).containsOnly(302);
                List<Map<String, Object>> rows = rowsBetween(anna, ben);
                assertThat(rows).as("iteration " + i).hasSize(1);
                assertThat(rows.get(0)).containsEntry("status", "PENDING").containsEntry("requester_id", anna.id());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptingTwiceAtOnceConnectsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                var anna = newMember("anna");
                var ben = newMember("ben");
                long id = connections.request(anna.id(), ben.id()).state().connectionId();
                String url = "/connections/" + id + "/accept";
                assertThat(simultaneously(pool, url, ben, url, ben)).as("iteration " + i).containsOnly(302);
                assertThat(rowsBetween(anna, ben)).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "ACCEPTED"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingWhileTheOtherAsksBackNeverFailsAndLeavesAtMostOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                var anna = newMember("anna");
                var ben = newMember("ben");
                long id = connections.request(anna.id(), ben.id()).state().connectionId();
                List<Integer> statuses = simultaneously(pool, "/connections/" + id + "/cancel", anna,
                        "/connections/request/" + anna.username(), ben);
                // The cancel loses only when ben's request has already accepted it: then it is not pending any more.
                assertThat(statuses.get(0)).as("iteration " + i).isIn(302, 404);
                assertThat(statuses.get(1)).as("iteration " + i).isEqualTo(302);
                assertThat(rowsBetween(anna, ben)).as("iteration " + i).hasSizeLessThanOrEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
