package com.moviepeople.feed;

import com.moviepeople.portfolio.PortfolioItemAdded;
import com.moviepeople.portfolio.PortfolioItemRemoved;
import com.moviepeople.portfolio.PortfolioItemUpdated;
import com.moviepeople.portfolio.PortfolioService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns portfolio events into feed posts, so that the portfolio module never depends on the feed.
 * Runs after the portfolio change has committed, in a transaction of its own: a failure here is
 * logged by Spring and never undoes the member's portfolio change. Idempotent: a repeated
 * {@link PortfolioItemAdded} finds the post already there ({@code ON CONFLICT DO NOTHING}).
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

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PortfolioItemAdded event) {
        portfolio.findById(event.itemId()).ifPresent(item -> feed.addPortfolioPost(item, event.createdAt()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PortfolioItemUpdated event) {
        portfolio.findById(event.itemId()).ifPresentOrElse(feed::updatePortfolioPost,
                () -> feed.removePortfolioPost(event.itemId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PortfolioItemRemoved event) {
        feed.removePortfolioPost(event.itemId());
    }
}
