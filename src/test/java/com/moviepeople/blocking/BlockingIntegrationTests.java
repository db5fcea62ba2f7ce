package com.moviepeople.blocking;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Blocking: what a block undoes, and everything it keeps the two members from seeing and doing. */
class BlockingIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    Blocks blocks;

    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    @Autowired
    ProfileService profiles;

    private ResultActions block(CurrentMember who, CurrentMember whom) throws Exception {
        return mvc.perform(post("/people/" + whom.username() + "/block").with(user(who)).with(csrf()));
    }

    private long pairRows(CurrentMember a, CurrentMember b) {
        return jdbc.queryForObject("""
                select count(*) from connection where least(requester_id, receiver_id) = least(?, ?)
                and greatest(requester_id, receiver_id) = greatest(?, ?)""", Long.class, a.id(), b.id(), a.id(), b.id());
    }

    @Autowired
    BlockedMembersBadge blockedBadge;

    @Autowired
    BlockService blockService;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    /** What the navigation's statement does with this badge, at the start of a page's request. */
    private void navigationReads(CurrentMember member) {
        jdbcClient.sql(blockedBadge.countQuery()).param("member", member.id())
                .query((rs, n) -> {
                    blockedBadge.read(member.id(), rs.getObject(1));
                    return null;
                }).list();
    }

    @Test
    void whoIsBlockedReadWithTheNavigationServesTheRestOfTheRequestUntilItBlocksOrUnblocks() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var clara = newMember("clara");
        var dario = newMember("dario");
        blocks.block(anna.id(), ben.id());
        blocks.block(clara.id(), anna.id());
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            navigationReads(anna);
            assertThat(blocks.blockedIdsOf(anna.id())).containsExactlyInAnyOrder(ben.id(), clara.id());
            // Kept for the request: a change behind its back is not seen (which shows the page asked nothing)...
            jdbc.update("delete from member_block where blocker_id = ?", clara.id());
            assertThat(blocks.blockedIdsOf(anna.id())).containsExactlyInAnyOrder(ben.id(), clara.id());
            // ...for that member only...
            assertThat(blocks.blockedIdsOf(ben.id())).containsExactly(anna.id());
            // ...until the request blocks someone, or lifts a block.
            blocks.block(anna.id(), dario.id());
            assertThat(blocks.blockedIdsOf(anna.id())).containsExactlyInAnyOrder(ben.id(), dario.id());
            navigationReads(anna);
            blockService.unblock(anna.id(), ben.username());
            assertThat(blocks.blockedIdsOf(anna.id())).containsExactly(dario.id());
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        // Outside a request nothing is kept.
        navigationReads(anna);
        jdbc.update("delete from member_block");
        assertThat(blocks.blockedIdsOf(anna.id())).isEmpty();
    }

    @Test
    void blockingEndsTheConnectionAndIsIdempotent() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);

        block(anna, ben).andExpect(redirectedUrl("/people/" + ben.username())).andExpect(flash().attributeExists("success"));
        block(anna, ben).andExpect(redirectedUrl("/people/" + ben.username()));

        assertThat(pairRows(anna, ben)).isZero();
        assertThat(blocks.isBlockedEitherWay(anna.id(), ben.id())).isTrue();
        assertThat(blocks.isBlockedEitherWay(ben.id(), anna.id())).isTrue();
        assertThat(blocks.blockedIdsOf(ben.id())).containsExactly(anna.id());
        assertThat(jdbc.queryForObject("select count(*) from member_block where blocker_id = ?", Long.class, anna.id())).isOne();
    }

    @Test
    void blockingRemovesPendingRequestsEitherWay() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        connections.request(ben.id(), anna.id());
        connections.request(anna.id(), cleo.id());

        block(anna, ben);
        block(anna, cleo);

        assertThat(pairRows(anna, ben)).isZero();
        assertThat(pairRows(anna, cleo)).isZero();
    }

    @Test
    void blockedMembersCannotSendRequestsEitherWay() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        block(anna, ben);

        mvc.perform(post("/connections/request/" + anna.username()).with(user(ben)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/connections/request/" + ben.username()).with(user(anna)).with(csrf())).andExpect(status().isNotFound());
        assertThat(pairRows(anna, ben)).isZero();
    }

    @Test
    void theBlockedMemberSeesOnlyTheNameAndTheBlockerCanUnblock() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        profiles.save(anna.id(), new ProfileForm("Anna Blocker", "Secret headline", "Editor", "Hidden City", "Private bio", "https://anna.example"));
        block(anna, ben);

        mvc.perform(get("/people/" + anna.username()).with(user(ben)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anna Blocker")))
                .andExpect(content().string(containsString("data-profile-blocked=\"me\"")))
                .andExpect(content().string(not(containsString("Secret headline"))))
                .andExpect(content().string(not(containsString("Hidden City"))))
                .andExpect(content().string(not(containsString("Private bio"))))
                .andExpect(content().string(not(containsString("anna.example"))))
                .andExpect(content().string(not(containsString("/connections/request/"))))
                .andExpect(content().string(not(containsString("data-action=\"unblock\""))));
        mvc.perform(get("/people/" + ben.username()).with(user(anna)))
                .andExpect(content().string(containsString("data-profile-blocked=\"by-me\"")))
                .andExpect(content().string(containsString("/people/" + ben.username() + "/unblock")));
        // Anyone else still sees the whole profile.
        mvc.perform(get("/people/" + anna.username()).with(user(newMember("cleo"))))
                .andExpect(content().string(containsString("Secret headline")))
                .andExpect(content().string(containsString("data-action=\"block\"")));

        mvc.perform(post("/people/" + ben.username() + "/unblock").with(user(anna)).with(csrf()))
                .andExpect(redirectedUrl("/people/" + ben.username()));
        assertThat(blocks.isBlockedEitherWay(anna.id(), ben.id())).isFalse();
        mvc.perform(get("/people/" + anna.username()).with(user(ben))).andExpect(content().string(containsString("Secret headline")));
    }

    @Test
    void onlyTheBlockerCanLiftTheirBlock() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        block(anna, ben);
        mvc.perform(post("/people/" + anna.username() + "/unblock").with(user(ben)).with(csrf()));
        assertThat(blocks.hasBlocked(anna.id(), ben.id())).isTrue();
    }

    @Test
    void messagesAreRefusedButTheHistoryStaysReadable() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        messaging.send(ben.id(), anna.id(), "Before the block");
        block(anna, ben);

        mvc.perform(post("/messages/" + anna.username()).with(user(ben)).with(csrf()).param("content", "After the block"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/messages/" + ben.username()).with(user(anna)).with(csrf()).param("content", "After the block"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from message where body = 'After the block'", Long.class)).isZero();
        mvc.perform(get("/messages/" + anna.username()).with(user(ben)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Before the block")))
                .andExpect(content().string(not(containsString("data-send-form"))));
    }

    @Test
    void theFeedAndPostPagesHideBothDirections() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var cleo = newMember("cleo");
        connect(anna, ben);
        connect(anna, cleo);
        connect(ben, cleo);
        long annasPost = feed.publish(anna.id(), "Post by Anna");
        long bensPost = feed.publish(ben.id(), "Post by Ben");
        long cleosPost = feed.publish(cleo.id(), "Post by Cleo");
        feed.comment(ben.id(), cleosPost, "Comment by Ben under Cleo");
        feed.comment(anna.id(), cleosPost, "Comment by Anna under Cleo");

        block(ben, anna);

        mvc.perform(get("/feed").with(user(anna)))
                .andExpect(content().string(containsString("Post by Cleo")))
                .andExpect(content().string(containsString("Comment by Anna under Cleo")))
                .andExpect(content().string(not(containsString("Post by Ben"))))
                .andExpect(content().string(not(containsString("Comment by Ben under Cleo"))))
                .andExpect(content().string(containsString("data-comment-count=\"1\"")));
        mvc.perform(get("/feed").with(user(ben)))
                .andExpect(content().string(not(containsString("Post by Anna"))))
                .andExpect(content().string(not(containsString("Comment by Anna under Cleo"))));
        mvc.perform(get("/posts/" + cleosPost).with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Comment by Ben under Cleo"))));
        mvc.perform(get("/posts/" + bensPost).with(user(anna))).andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + annasPost).with(user(ben))).andExpect(status().isNotFound());
        mvc.perform(post("/posts/" + annasPost + "/comments").with(user(ben)).with(csrf()).param("content", "Sneaky"))
                .andExpect(status().isNotFound());
        // Cleo, blocked by nobody, still sees everything.
        mvc.perform(get("/posts/" + cleosPost).with(user(cleo)))
                .andExpect(content().string(containsString("Comment by Ben under Cleo")))
                .andExpect(content().string(containsString("Comment by Anna under Cleo")));
    }

    @Test
    void searchLeavesOutBlockedMembersBothWays() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        profiles.save(ben.id(), new ProfileForm("Zebulon Quaxley", null, null, null, null, null));
        profiles.save(anna.id(), new ProfileForm("Zenobia Quaxley", null, null, null, null, null));
        mvc.perform(get("/search").param("q", "Quaxley").with(user(anna))).andExpect(content().string(containsString("Zebulon Quaxley")));

        block(anna, ben);

        mvc.perform(get("/search").param("q", "Quaxley").with(user(anna))).andExpect(content().string(not(containsString("Zebulon Quaxley"))));
        mvc.perform(get("/search").param("q", "Quaxley").with(user(ben))).andExpect(content().string(not(containsString("Zenobia Quaxley"))));
    }

    @Test
    void settingsListTheBlockedMembersWithAnUnblockButton() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        mvc.perform(get("/settings/blocked").with(user(anna))).andExpect(content().string(containsString("data-no-blocked")));
        block(anna, ben);

        mvc.perform(get("/settings/blocked").with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-blocked-member=\"" + ben.username() + "\"")));
        mvc.perform(post("/people/" + ben.username() + "/unblock").with(user(anna)).with(csrf()).param("returnTo", "/settings/blocked"))
                .andExpect(redirectedUrl("/settings/blocked"));
        // Any other returnTo is ignored: back to the profile, never elsewhere.
        block(anna, ben);
        mvc.perform(post("/people/" + ben.username() + "/unblock").with(user(anna)).with(csrf()).param("returnTo", "https://evil.example/"))
                .andExpect(redirectedUrl("/people/" + ben.username()));
    }

    @Test
    void blockingYourselfOrNobodyChangesNothing() throws Exception {
        var anna = newMember("anna");
        block(anna, anna).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/people/nobody-like-this/block").with(user(anna)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from member_block where blocker_id = ?", Long.class, anna.id())).isZero();
    }

    @Test
    void aBlockAndARequestAtTheSameMomentNeverLeaveARequestBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                var anna = newMember("racea");
                var ben = newMember("raceb");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Integer>> both = List.of(
                        () -> { start.await(); return block(anna, ben).andReturn().getResponse().getStatus(); },
                        () -> { start.await(); return mvc.perform(post("/connections/request/" + anna.username())
                                .with(user(ben)).with(csrf())).andReturn().getResponse().getStatus(); });
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(both)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).doesNotContain(500);
                assertThat(blocks.hasBlocked(anna.id(), ben.id())).isTrue();
                assertThat(pairRows(anna, ben)).as("round %d", round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingAnAccountTakesItsBlocksAlong() {
        var anna = newMember("anna");
        var ben = newMember("ben");
        jdbc.update("insert into member_block (blocker_id, blocked_id) values (?, ?)", anna.id(), ben.id());
        jdbc.update("delete from member where id = ?", anna.id());
        assertThat(jdbc.queryForList("select * from member_block where blocked_id = ?", ben.id())).isEmpty();
        assertThat(blocks.blockedIdsOf(ben.id())).isEmpty();
    }
}
