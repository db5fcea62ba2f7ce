package com.moviepeople.portfolio;

/** How a portfolio item's media URL is shown. Stored by name in {@code portfolio_item.media_kind}. */
public enum MediaKind {
    /** An embedded YouTube player (privacy-enhanced mode). */
    YOUTUBE,
    /** An embedded Vimeo player. */
    VIMEO,
    /** An image shown inline. */
    IMAGE,
    /** Any other web page: a plain external link. */
    LINK
}
