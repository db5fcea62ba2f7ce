package com.moviepeople.demo;

import com.moviepeople.feed.Feed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo community arrives with a feed: text posts with comments, and a post for every piece of demo work. */
class DemoPostsLoaderIntegrationTests extends DemoLoaderTest {

    @Autowired
    Feed feed;

    @Test
    void loadsPostsAndCommentsOnceAndTheDemoWorkAppearsAsPortfolioPosts() throws Exception {
        loadConnectedCommunity();
        DemoPostsLoader loader = new DemoPostsLoader(feed, members, demoOn, Clock.systemUTC());
        loader.run(null);

        long items = count("select count(*) from portfolio_item");
        assertThat(items).isPositive();
        assertThat(count("select count(*) from post where kind = 'PORTFOLIO'")).isEqualTo(items);
        assertThat(count("select count(*) from post where kind = 'TEXT'")).isEqualTo(DemoPostsLoader.POSTS.size());
        long expectedComments = DemoPostsLoader.POSTS.stream().mapToLong(p -> p.comments().size()).sum();
        assertThat(count("select count(*) from comment")).isEqualTo(expectedComments);

        loader.run(null);
        assertThat(count("select count(*) from post where kind = 'TEXT'")).isEqualTo(DemoPostsLoader.POSTS.size());

        mvc.perform(get("/feed").with(user(currentMember("agnieszka"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Picture lock on the documentary!")))
                .andExpect(content().string(containsString("Casting for my next short")))
                .andExpect(content().string(containsString("youtube-nocookie.com/embed/")));
    }

    @Test
    void doesNothingWhenDemoDataIsOff() {
        var off = new MockEnvironment().withProperty("moviepeople.demo-data", "false");
        new DemoPostsLoader(feed, members, off, Clock.systemUTC()).run(null);
        assertThat(count("select count(*) from post")).isZero();
    }
}
