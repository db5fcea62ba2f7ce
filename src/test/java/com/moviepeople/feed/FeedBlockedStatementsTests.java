package com.moviepeople.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed statements for viewers with blocks are the plain ones with the blocked members' comments left out of the counts. */
class FeedBlockedStatementsTests {

    @Test
    void bothFeedShapesHaveAVariantThatLeavesOutBlockedComments() {
        assertThat(FeedService.FEED_HIDING_BLOCKED).isNotEqualTo(FeedService.FEED).contains("c.author_id <> all(cast(:blocked as bigint[]))");
        assertThat(FeedService.FEED_LARGE_NETWORK_HIDING_BLOCKED).isNotEqualTo(FeedService.FEED_LARGE_NETWORK)
                .contains("c.author_id <> all(cast(:blocked as bigint[]))");
        assertThat(FeedService.FEED_HIDING_BLOCKED.replace(" and c.author_id <> all(cast(:blocked as bigint[]))", ""))
                .isEqualTo(FeedService.FEED);
    }
}
