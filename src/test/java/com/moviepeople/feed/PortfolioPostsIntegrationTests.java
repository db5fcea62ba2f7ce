package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.portfolio.PortfolioItemAdded;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Automatic posts for portfolio items: written by the feed's listener in the background after the
 * portfolio change commits (the assertions wait a little, with Awaitility). A listener that fails
 * leaves its event in Spring Modulith's publication registry, to be handed over again (at the next
 * start, or here by hand) rather than lost.
 */
class PortfolioPostsIntegrationTests extends IntegrationTest {

    private static final String YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    @Autowired
    PortfolioService portfolio;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Feed feed;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incompletePublications;

    private String publicationStatus(long itemId) {
        return jdbc.queryForList("""
                        select status from event_publication
                        where event_type like '%PortfolioItemAdded' and serialized_event like ?""", String.class,
                "%\"itemId\":" + itemId + "%").stream().findFirst().orElse(null);
    }

    @Test
    void aFailedListenerLeavesItsEventInTheRegistryAndARetryPostsIt() {
        var owner = newMember("owner");
        jdbc.execute("create or replace function test_refuse_post() returns trigger language plpgsql as $$ "
                + "begin raise exception 'the feed is down'; end $$");
        jdbc.execute("create trigger test_refuse_post before insert on post for each row execute function test_refuse_post()");
        PortfolioItemView added;
        try {
            added = portfolio.add(owner.id(), item("Kept for later", YOUTUBE));
            await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(publicationStatus(added.id())));
            assertThat(postsFor(added.id())).isEmpty();
        } finally {
            jdbc.execute("drop trigger test_refuse_post on post");
            jdbc.execute("drop function test_refuse_post()");
        }
        // What a restart does (spring.modulith.events.republish-outstanding-events-on-restart=true).
        incompletePublications.resubmitIncompletePublications(publication -> true);
        assertThat(awaitPost(added.id()).get("item_title")).isEqualTo("Kept for later");
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationStatus(added.id()) == null);
    }

    private List<Map<String, Object>> postsFor(long itemId) {
        return jdbc.queryForList("select * from post where portfolio_item_id = ?", itemId);
    }

    private Map<String, Object> awaitPost(long itemId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> postsFor(itemId).size() == 1);
        return postsFor(itemId).get(0);
    }

    private static PortfolioItemForm item(String title, String mediaUrl) {
        return new PortfolioItemForm(title, "A description", mediaUrl, 2024, "Film Editor");
    }

    @Test
    void addingAnItemPostsItToTheFeedWithItsPlayerAndALinkToTheItem() throws Exception {
        var owner = newMember("owner");
        var friend = newMember("friend");
        var stranger = newMember("stranger");
        connect(owner, friend);

        PortfolioItemView added = portfolio.add(owner.id(), item("Tears of Steel — re-edit", YOUTUBE));
        Map<String, Object> row = awaitPost(added.id());
        assertThat(row.get("kind")).isEqualTo("PORTFOLIO");
        assertThat(row.get("author_id")).isEqualTo(owner.id());
        assertThat(row.get("item_title")).isEqualTo("Tears of Steel — re-edit");
        assertThat(row.get("body")).isNull();
        long postId = (Long) row.get("id");

        mvc.perform(get("/feed").with(user(friend)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-post-kind=\"PORTFOLIO\"")))
                .andExpect(content().string(containsString("Tears of Steel — re-edit")))
                .andExpect(content().string(containsString("src=\"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ\"")))
                .andExpect(content().string(containsString("href=\"/people/" + owner.username() + "#item-" + added.id() + "\"")));
        mvc.perform(get("/posts/" + postId).with(user(friend))).andExpect(status().isOk())
                .andExpect(content().string(containsString("youtube-nocookie.com/embed/aqz-KE-bpKQ")));
        mvc.perform(get("/feed").with(user(stranger)))
                .andExpect(content().string(not(containsString("Tears of Steel"))));
        mvc.perform(get("/posts/" + postId).with(user(stranger))).andExpect(status().isNotFound());

        // Comments work on portfolio posts like on any other.
        feed.comment(friend.id(), postId, "Great cut!");
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, postId)).isOne();
    }

    @Test
    void itemsWithoutMediaOrWithImagesOrLinksAreShownAccordingly() throws Exception {
        var owner = newMember("media");
        long plain = portfolio.add(owner.id(), item("No media", "")).id();
        long image = portfolio.add(owner.id(), item("A still", "https://example.com/still.jpg")).id();
        long link = portfolio.add(owner.id(), item("A page", "https://example.com/film")).id();
        awaitPost(plain);
        awaitPost(image);
        awaitPost(link);
        mvc.perform(get("/feed").with(user(owner)))
                .andExpect(content().string(containsString("No media")))
                // An image address is a link (issue 21: nothing hot-linked; the CSP allows only our own pictures).
                .andExpect(content().string(not(containsString("<img src=\"https://example.com/still.jpg\""))))
                .andExpect(content().string(containsString("href=\"https://example.com/still.jpg\" rel=\"noopener noreferrer nofollow\"")))
                .andExpect(content().string(containsString("View the image on example.com")))
                .andExpect(content().string(containsString("href=\"https://example.com/film\" rel=\"noopener noreferrer nofollow\"")))
                .andExpect(content().string(not(containsString("<iframe"))));
    }

    @Test
    void theSameEventTwiceMakesOnePost() {
        var owner = newMember("twice");
        PortfolioItemView added = portfolio.add(owner.id(), item("Once only", YOUTUBE));
        awaitPost(added.id());
        PortfolioItemAdded again = new PortfolioItemAdded(added.id(), owner.id(), added.title(), added.mediaUrl(),
                added.createdAt());
        events.publishEvent(again);
        events.publishEvent(again);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> postsFor(added.id()).size() == 1);
    }

    @Test
    void editingTheItemUpdatesThePostInPlace() throws Exception {
        var owner = newMember("editor");
        PortfolioItemView added = portfolio.add(owner.id(), item("Working title", YOUTUBE));
        Map<String, Object> before = awaitPost(added.id());

        mvc.perform(post("/portfolio/" + added.id()).with(user(owner)).with(csrf())
                        .param("title", "Final title").param("description", "").param("mediaUrl", "https://vimeo.com/1084537"))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> "Final title".equals(postsFor(added.id()).get(0).get("item_title")));
        Map<String, Object> after = postsFor(added.id()).get(0);
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(after.get("media_kind")).isEqualTo("VIMEO");
        assertThat(after.get("media_embed_url")).isEqualTo("https://player.vimeo.com/video/1084537");
        mvc.perform(get("/feed").with(user(owner)))
                .andExpect(content().string(containsString("Final title")))
                .andExpect(content().string(containsString("src=\"https://player.vimeo.com/video/1084537\"")))
                .andExpect(content().string(not(containsString("Working title"))));
    }

    @Test
    void deletingTheItemRemovesItsPostAndComments() throws Exception {
        var owner = newMember("remover");
        PortfolioItemView added = portfolio.add(owner.id(), item("Soon gone", YOUTUBE));
        long postId = (Long) awaitPost(added.id()).get("id");
        feed.comment(owner.id(), postId, "Behind the scenes soon");

        mvc.perform(post("/portfolio/" + added.id() + "/delete").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> postsFor(added.id()).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, postId)).isZero();
        mvc.perform(get("/feed").with(user(owner))).andExpect(content().string(not(containsString("Soon gone"))));
    }

    @Test
    void anEventForAnItemThatIsAlreadyGoneMakesNoPost() {
        var owner = newMember("late");
        events.publishEvent(new PortfolioItemAdded(987_654_321L, owner.id(), "Ghost", null, java.time.Instant.now()));
        assertThat(postsFor(987_654_321L)).isEmpty();
    }
}
