package com.moviepeople.feed;

import com.moviepeople.portfolio.Media;
import com.moviepeople.shared.MemberCard;

import java.time.Instant;
import java.util.List;

/**
 * A post as the feed and the post page show it, for one viewer.
 *
 * @param body           the member's text; null for a portfolio post
 * @param item           the portfolio item a portfolio post announces; null otherwise
 * @param credit         the credit a credit or confirmation post announces; null otherwise
 * @param latestComments the newest few comments, oldest of them first (feed only; empty on the post page)
 * @param deletable      whether the viewer may delete it (the author)
 * @param applause       how many applauded it, and whether the viewer did
 */
record PostView(long id, MemberCard author, String body, PortfolioItemRef item, CreditRef credit, Instant createdAt,
                long commentCount, List<CommentView> latestComments, boolean deletable, Applause applause) {

    /** The portfolio item behind a portfolio post; {@code media} is null for an item without media. */
    record PortfolioItemRef(long id, String title, Media media) {
    }

    /**
     * The credit behind a credit post: its headline ("Gaffer · Title (2022)"), its production, and
     * for a confirmation the colleague who confirmed it (null for a newly added credit).
     */
    record CreditRef(long productionId, String headline, MemberCard confirmer) {

        public String productionLink() {
            return "/productions/" + productionId;
        }
    }

    public boolean isPortfolio() {
        return item != null;
    }

    /** A member's own text (not an automatic post). */
    public boolean isText() {
        return item == null && credit == null;
    }

    /** The item on its owner's profile page. */
    public String itemLink() {
        return item == null ? null : "/people/" + author.username() + "#item-" + item.id();
    }

    /** Whether the feed shows only some of the comments. */
    public boolean hasMoreComments() {
        return commentCount > latestComments.size();
    }
}
