package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Applause on posts and comments: toggled, counted in the feed's own statement, only where the post is visible. */
@RecordApplicationEvents
class ApplauseIntegrationTests extends IntegrationTest {

    @Autowired
    Feed feed;

    @Autowired
    ApplauseService applause;

    @Autowired
    ApplicationEvents events;

    private String page(CurrentMember viewer, String url) throws Exception {
        return mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long rows(String table, String column, long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class, id);
    }

    @Test
    void aConnectionApplaudsAPostAndTakesItBack() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "First day of the shoot");

        mvc.perform(post("/posts/" + post + "/applaud").param("returnTo", "/feed").with(user(ben)).with(csrf()))
                .andExpect(redirectedUrl("/feed#post-" + post));
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(1);
        String feedPage = page(ben, "/feed");
        assertThat(feedPage).contains("data-applause=\"1\" aria-pressed=\"true\"");
        assertThat(page(maya, "/posts/" + post)).contains("data-applause=\"1\" aria-pressed=\"false\"");
        assertThat(events.stream(Applauded.class)).containsExactly(new Applauded(ben.id(), maya.id(), post, null));

        mvc.perform(post("/posts/" + post + "/applaud").with(user(ben)).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post + "#post-" + post));
        assertThat(rows("post_applause", "post_id", post)).isZero();
        assertThat(page(ben, "/feed")).contains("data-applause=\"0\" aria-pressed=\"false\"");
        assertThat(events.stream(Applauded.class)).as("taking it back tells no one").hasSize(1);

        // One's own post may be applauded too, without telling oneself.
        mvc.perform(post("/posts/" + post + "/applaud").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(1);
        assertThat(events.stream(Applauded.class)).hasSize(1);
        // From htmx: the fresh button alone, to swap in where it was.
        String button = mvc.perform(post("/posts/" + post + "/applaud").param("returnTo", "/feed").header("HX-Request", "true")
                        .with(user(ben)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(button.strip()).startsWith("<form").endsWith("</form>")
                .contains("data-applause-for=\"post-" + post + "\"").contains("data-applause=\"2\" aria-pressed=\"true\"")
                .contains("name=\"applaud\" value=\"false\"").contains("name=\"returnTo\" value=\"/feed\"");
        // Saying what one wants makes a repeated request harmless.
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/posts/" + post + "/applaud").param("applaud", "true").with(user(ben)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/posts/" + post + "/applaud").param("applaud", "false").with(user(ben)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(1);
        // A way back that is not ours is ignored.
        mvc.perform(post("/posts/" + post + "/applaud").param("returnTo", "https://evil.example/feed").with(user(ben)).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post + "#post-" + post));
    }

    @Test
    void commentsAreApplaudedOnThePostPage() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Wrap party on Friday");
        long comment = feed.comment(ben.id(), post, "I'll bring the slate");

        String button = mvc.perform(post("/comments/" + comment + "/applaud").param("applaud", "true").header("HX-Request", "true")
                        .with(user(maya)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(button).contains("data-applause-for=\"comment-" + comment + "\"").contains("data-applause=\"1\" aria-pressed=\"true\"");
        mvc.perform(post("/comments/" + comment + "/applaud").param("applaud", "true").with(user(maya)).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post + "#comment-" + comment));
        assertThat(rows("comment_applause", "comment_id", comment)).isEqualTo(1);
        assertThat(page(maya, "/posts/" + post)).contains("action=\"/comments/" + comment + "/applaud\"")
                .contains("data-applause=\"1\" aria-pressed=\"true\"");
        assertThat(events.stream(Applauded.class)).containsExactly(new Applauded(maya.id(), ben.id(), post, comment));
        // Gone with the comment.
        mvc.perform(post("/comments/" + comment + "/delete").with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(rows("comment_applause", "comment_id", comment)).isZero();
    }

    @Test
    void whoCannotSeeThePostCannotApplaudItOrItsComments() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember stranger = newMember("stranger");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Only for my network");
        long comment = feed.comment(ben.id(), post, "Count me in");

        mvc.perform(post("/posts/" + post + "/applaud").with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/comments/" + comment + "/applaud").with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/posts/999999999/applaud").with(user(ben)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/posts/" + post + "/applaud").with(csrf())).andExpect(redirectedUrl("/login"));
        // Maya blocks Ben: he no longer sees her post, so no applause either.
        mvc.perform(post("/people/" + ben.username() + "/block").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/posts/" + post + "/applaud").with(user(ben)).with(csrf())).andExpect(status().isNotFound());
        assertThat(rows("post_applause", "post_id", post)).isZero();
        assertThat(rows("comment_applause", "comment_id", comment)).isZero();
        assertThat(events.stream(Applauded.class)).isEmpty();
    }

    @Test
    void applauseOfABlockedMemberIsNotCounted() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        long post = feed.publish(maya.id(), "Teaser is online");
        applause.togglePost(ben.id(), post);
        applause.togglePost(carl.id(), post);
        assertThat(page(maya, "/posts/" + post)).contains("data-applause=\"2\"");
        mvc.perform(post("/people/" + carl.username() + "/block").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(maya, "/posts/" + post)).contains("data-applause=\"1\"");
        assertThat(page(maya, "/feed")).contains("data-applause=\"1\"");
    }

    @Test
    void simultaneousTogglesLeaveACountThatMatchesTheRows() throws Exception {
        CurrentMember maya = newMember("maya");
        long post = feed.publish(maya.id(), "Dailies are in");
        List<CurrentMember> crew = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CurrentMember member = newMember("crew");
            connect(maya, member);
            crew.add(member);
        }
        // Eight members at once: eight applause.
        race(crew.stream().map(m -> (Callable<Applause>) () -> applause.togglePost(m.id(), post)).toList());
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(8);
        // One member toggling eight times at once: never two rows for them, and the count is the rows.
        CurrentMember one = crew.get(0);
        List<Applause> seen = race(java.util.Collections.nCopies(8, (Callable<Applause>) () -> applause.togglePost(one.id(), post)));
        long mine = jdbc.queryForObject("select count(*) from post_applause where post_id = ? and member_id = ?", Long.class, post, one.id());
        assertThat(mine).isBetween(0L, 1L);
        assertThat(rows("post_applause", "post_id", post)).isEqualTo(7 + mine);
        assertThat(seen).allMatch(a -> a.count() >= 7 && a.count() <= 8);
        assertThat(page(maya, "/posts/" + post)).contains("data-applause=\"" + (7 + mine) + "\"");
    }

    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theFeedShowsApplauseWithoutAStatementMore() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        for (int i = 0; i < 5; i++) {
            feed.publish(maya.id(), "Call sheet " + i);
        }
        page(ben, "/feed"); // caches warm (member cards, the network's size)
        queries.reset();
        page(ben, "/feed");
        long before = queries.count();
        for (Long post : jdbc.queryForList("select id from post where author_id = ?", Long.class, maya.id())) {
            applause.togglePost(ben.id(), post);
            applause.togglePost(maya.id(), post);
        }
        queries.reset();
        String html = page(ben, "/feed");
        assertThat(queries.count()).isEqualTo(before);
        assertThat(html.split("data-applause=\"2\" aria-pressed=\"true\"", -1)).hasSize(6);
    }
}
