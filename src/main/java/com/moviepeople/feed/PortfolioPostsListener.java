package com.moviepeople.feed;

import com.moviepeople.portfolio.PortfolioItemAdded;
import com.moviepeople.portfolio.PortfolioItemRemoved;
import com.moviepeople.portfolio.PortfolioItemUpdated;
import com.moviepeople.portfolio.PortfolioService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns portfolio events into feed posts, so that the portfolio module never depends on the feed.
 * Runs after the portfolio change has committed, in the background and a transaction of its own
 * ({@link ApplicationModuleListener}): a failure here never undoes the member's portfolio change,
 * and is not lost either: Spring Modulith's registry recorded the event with the portfolio change
 * and hands it over again at the next start until a listener completes. Idempotent, and
 * indifferent to order: a repeated {@link PortfolioItemAdded} finds the post already there
 * ({@code ON CONFLICT DO NOTHING}), and every handler reads the item as it is now.
 * <p>
 * The item is read back through {@link PortfolioService} for its parsed media (the portfolio
 * module's own parser builds player addresses from the video id), and an item already deleted
 * again gets no post.
 */
@Component
class PortfolioPostsListener {

    private final FeedService feed;
    private final PortfolioService portfolio;

    PortfolioPostsListener(FeedService feed, PortfolioService portfolio) {
        this.feed = feed;
        this.portfolio = portfolio;
    }

    @ApplicationModuleListener
    public void on(PortfolioItemAdded event) {
        feed.lockPortfolioPost(event.itemId());
        portfolio.findById(event.itemId()).ifPresent(item -> feed.addPortfolioPost(item, event.createdAt()));
    }

    @ApplicationModuleListener
    public void on(PortfolioItemUpdated event) {
        feed.lockPortfolioPost(event.itemId());
        portfolio.findById(event.itemId()).ifPresentOrElse(feed::updatePortfolioPost,
                () -> feed.removePortfolioPost(event.itemId()));
    }

    @ApplicationModuleListener
    public void on(PortfolioItemRemoved event) {
        feed.lockPortfolioPost(event.itemId());
        feed.removePortfolioPost(event.itemId());
    }
}
