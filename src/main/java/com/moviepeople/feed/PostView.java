package com.moviepeople.feed;

import com.moviepeople.portfolio.Media;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.Moment;
import com.moviepeople.shared.TextFormat;

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
 * @param created        {@code createdAt} as the page writes it
 *
 * <p>The feed draws twenty of these a page: the card reads the methods below (addresses, ready
 * HTML, labels) rather than building them in the template, which costs far more per expression.
 */
record PostView(long id, MemberCard author, String body, PortfolioItemRef item, CreditRef credit, Instant createdAt,
                long commentCount, List<CommentView> latestComments, boolean deletable, Applause applause,
                Moment created) {

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

    /** The post's own page. */
    public String link() {
        return "/posts/" + id;
    }

    /** The card's element id, the feed's anchor after an action ({@code post-12}). */
    public String anchor() {
        return "post-" + id;
    }

    public String kind() {
        return item != null ? "PORTFOLIO" : "TEXT";
    }

    /** The member's text as safe HTML with its links ({@link TextFormat#linkify}); empty for an automatic post. */
    public String bodyHtml() {
        return TextFormat.linkify(body);
    }

    /** The applause button, which brings a browser without JavaScript back to the post page or the feed. */
    public ApplauseButton applauseButton(boolean onPostPage) {
        return ApplauseButton.ofPost(id, applause, onPostPage ? link() : "/feed");
    }

    /** The feed's link under the latest comments: "Comment", "1 comment · reply", "View all 7 comments"… */
    public String commentsLabel() {
        if (commentCount == 0) {
            return "Comment";
        }
        if (hasMoreComments()) {
            return "View all " + commentCount + " comments";
        }
        return commentCount == 1 ? "1 comment · reply" : commentCount + " comments · reply";
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
