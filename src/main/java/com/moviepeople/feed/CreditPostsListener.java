package com.moviepeople.feed;

import com.moviepeople.credits.CreditAdded;
import com.moviepeople.credits.CreditConfirmed;
import com.moviepeople.credits.CreditRemoved;
import com.moviepeople.credits.CreditUnconfirmed;
import com.moviepeople.credits.Credits;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the credits module's events into feed posts for the member's network: "added a credit" by
 * the member, and "credit confirmed by …" on the credit owner's behalf. Like the portfolio posts,
 * it runs after the credits change has committed, in a transaction of its own, from Spring
 * Modulith's event registry (retried at the next start after a failure). Idempotent and indifferent
 * to order: handlers of one credit take its advisory lock, inserts are {@code ON CONFLICT DO NOTHING},
 * and an addition that arrives after its removal finds the credit (or the confirmation) gone and
 * writes nothing.
 */
@Component
class CreditPostsListener {

    private final FeedService feed;
    private final Credits credits;

    CreditPostsListener(FeedService feed, Credits credits) {
        this.feed = feed;
        this.credits = credits;
    }

    @ApplicationModuleListener
    public void on(CreditAdded event) {
        feed.lockCreditPost(event.creditId());
        if (credits.creditExists(event.creditId())) {
            feed.addCreditPost(event.creditId(), event.memberId(), event.productionId(),
                    headline(event.role(), event.productionTitle(), event.year()), event.at());
        }
    }

    @ApplicationModuleListener
    public void on(CreditConfirmed event) {
        feed.lockCreditPost(event.creditId());
        if (credits.confirmationShown(event.creditId(), event.confirmerId())) {
            feed.addConfirmationPost(event.creditId(), event.ownerId(), event.confirmerId(), event.productionId(),
                    headline(event.role(), event.productionTitle(), event.year()), event.at());
        }
    }

    @ApplicationModuleListener
    public void on(CreditRemoved event) {
        feed.lockCreditPost(event.creditId());
        feed.removeCreditPosts(event.creditId());
    }

    @ApplicationModuleListener
    public void on(CreditUnconfirmed event) {
        feed.lockCreditPost(event.creditId());
        feed.removeConfirmationPost(event.creditId(), event.confirmerId());
    }

    static String headline(String role, String title, int year) {
        return role + " · " + title + " (" + year + ")";
    }
}
